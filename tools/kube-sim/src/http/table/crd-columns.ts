import { KubeObject } from '../../store/kube-object';
import { humanDuration, timestampMs } from './human-duration';
import { compileJsonPath, evaluateJsonPath, JsonPathStep, NOT_FOUND } from './json-path';
import { at, col, CREATION_TIMESTAMP_DESCRIPTION, KindPrinter, list, NAME_COLUMN, str } from './printer-kit';
import { TableColumnDefinition } from './table';

interface PrinterColumn {
  definition: TableColumnDefinition;
  steps: JsonPathStep[] | undefined;
}

/** apiextensions' serveDefaultColumnsIfEmpty: a CRD without columns still shows its objects' Age. */
const DEFAULT_COLUMNS = [
  { name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' },
];

const TYPES = new Set<string>(['integer', 'number', 'string', 'boolean', 'date']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The served version's additionalPrinterColumns, each compiled once for the whole table. */
function columnsFor(crd: KubeObject | undefined, version: string): PrinterColumn[] {
  const served = list(at(crd, 'spec', 'versions')).find((v) => at(v, 'name') === version);
  const declared = list(at(served, 'additionalPrinterColumns'));
  return (declared.length ? declared : DEFAULT_COLUMNS).map((c) => {
    const jsonPath = str(at(c, 'jsonPath'));
    const type = str(at(c, 'type'), 'string');
    const priority = at(c, 'priority');
    const description = str(at(c, 'description'), `Custom resource definition column (in JSONPath format): ${jsonPath}`);
    return {
      definition: col(
        str(at(c, 'name')),
        (TYPES.has(type) ? type : 'string') as TableColumnDefinition['type'],
        description,
        typeof priority === 'number' ? priority : 0,
        str(at(c, 'format')),
      ),
      steps: compileJsonPath(jsonPath),
    };
  });
}

/** Go's fmt %v: integral JSON numbers decode to int64; others are float64, in exponent form outside 1e-4..1e6. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  if (exponent >= -4 && exponent < 6) return String(n);
  return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Go's json.Marshal for maps and slices: compact, keys sorted. */
function goJson(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** A `string` column prints whatever it finds, as kube's JSONPath PrintResults does. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) return '<no value>';
  return goJson(v);
}

/** kube's cellForJSONValue: a value of the wrong type for its column prints as `<none>` (null). */
function cell(type: string, v: unknown, now: number): unknown {
  switch (type) {
    case 'string':
      return asText(v);
    case 'integer':
      return typeof v === 'number' ? Math.trunc(v) : null;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'date': {
      if (typeof v !== 'string') return null;
      if (!RFC3339.test(v)) return '<invalid>';
      const ms = timestampMs(v);
      return ms === undefined ? '<unknown>' : humanDuration(now - ms);
    }
    default:
      return null;
  }
}

/** A custom resource's table: Name, then the CRD's printer columns for the served version (kube adds nothing after them). */
export function crdPrinter(crd: KubeObject | undefined, version: string): KindPrinter {
  const columns = columnsFor(crd, version);
  return {
    columns: [NAME_COLUMN, ...columns.map((c) => c.definition)],
    cells: (o, { now }) => {
      const cells: unknown[] = new Array<unknown>(columns.length + 1);
      cells[0] = o.metadata.name;
      for (let i = 0; i < columns.length; i++) {
        const { steps, definition } = columns[i];
        const value = steps ? evaluateJsonPath(o, steps) : NOT_FOUND;
        cells[i + 1] = value === NOT_FOUND ? null : cell(definition.type, value, now);
      }
      return cells;
    },
  };
}
