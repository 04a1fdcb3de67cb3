import { KubeObject } from '../../store/kube-object';
import { age } from './human-duration';
import { KindPrinter } from './printer-kit';
import { TableColumnDefinition } from './table';

interface PrinterColumn {
  name: string;
  type: TableColumnDefinition['type'];
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' };

const ANY = Symbol('any');
type Step = string | number | typeof ANY;

/** Splits `.spec.items[0].name`, `.metadata.labels['app.kubernetes.io/name']`, `.a[*].b` into steps. */
export function jsonPathSteps(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[\*\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path.replace(/^\{|\}$/g, '')))) {
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined || m[4] !== undefined) steps.push(m[3] ?? m[4]);
    else steps.push(ANY);
  }
  return steps;
}

/** Evaluates the JSONPath subset printer columns use; several matches come back as a list. */
export function evaluateJsonPath(obj: unknown, path: string): unknown[] {
  let current: unknown[] = [obj];
  for (const step of jsonPathSteps(path)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== 'object') continue;
      if (step === ANY) next.push(...(Array.isArray(v) ? (v as unknown[]) : (Object.values(v) as unknown[])));
      else {
        const child = (v as Record<string | number, unknown>)[step];
        if (child !== undefined) next.push(child);
      }
    }
    current = next;
  }
  return current;
}

/** A custom resource's printer, from its CRD's additionalPrinterColumns for the served version. */
export function crdPrinter(crd: KubeObject, version: string): KindPrinter {
  const versions = ((crd.spec as { versions?: Array<{ name: string; additionalPrinterColumns?: PrinterColumn[] }> })?.versions ?? []);
  const declared = versions.find((v) => v.name === version)?.additionalPrinterColumns;
  const columns = declared?.length ? declared : [AGE];
  return {
    columns: columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 })),
    cells: (o, { now }) =>
      columns.map((c) => {
        const values = evaluateJsonPath(o, c.jsonPath);
        if (!values.length) return null;
        if (c.type === 'date') return age(values[0], now);
        if (values.length > 1) return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v as string))).join(',');
        const v = values[0];
        if (c.type === 'string' && typeof v === 'object') return JSON.stringify(v);
        return v;
      }),
  };
}
