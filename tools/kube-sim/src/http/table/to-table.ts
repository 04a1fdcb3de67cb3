import { ResourceType } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';
import { clusterPrinters } from './cluster.printers';
import { corePrinters } from './core.printers';
import { crdPrinter } from './crd-columns';
import { age } from './human-duration';
import { ageCol, KindPrinter, NAME_COLUMN } from './printer-kit';
import { Table, TableOptions, TableRow } from './table';
import { workloadPrinters } from './workload.printers';

const PRINTERS: Record<string, KindPrinter> = { ...corePrinters, ...workloadPrinters, ...clusterPrinters };
const DEFAULT_PRINTER: KindPrinter = { columns: [ageCol()], cells: (o, { now }) => [age(o.metadata.creationTimestamp, now)] };

function printerFor(t: ResourceType, opts: TableOptions): KindPrinter {
  if (t.custom) return opts.crd ? crdPrinter(opts.crd, t.version) : DEFAULT_PRINTER;
  return PRINTERS[t.kind] ?? DEFAULT_PRINTER;
}

/** The meta.k8s.io/v1 Table kube-apiserver returns to `kubectl get`: kube's printer columns per kind. */
export function toTable(t: ResourceType, objects: KubeObject[], opts: TableOptions): Omit<Table, 'metadata'> {
  const printer = printerFor(t, opts);
  const rows: TableRow[] = new Array<TableRow>(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    const row: TableRow = { cells: [o.metadata.name, ...printer.cells(o, opts)] };
    if (opts.includeObject === 'Object') row.object = o;
    else if (opts.includeObject === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
    rows[i] = row;
  }
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [NAME_COLUMN, ...printer.columns], rows };
}
