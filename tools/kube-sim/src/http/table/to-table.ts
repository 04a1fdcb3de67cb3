import { apiVersionOf, ResourceType } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';
import { appsPrinters } from './apps.printers';
import { batchPrinters } from './batch.printers';
import { corePrinters } from './core.printers';
import { crdPrinter } from './crd-columns';
import { miscPrinters } from './misc.printers';
import { networkingPrinters } from './networking.printers';
import { col, CREATION_TIMESTAMP_DESCRIPTION, KindPrinter, NAME_COLUMN, PrintContext, PrintedRow } from './printer-kit';
import { podPrinters } from './pod.printers';
import { rbacPrinters } from './rbac.printers';
import { storagePrinters } from './storage.printers';
import { Table, TableOptions } from './table';

const PRINTERS: Record<string, KindPrinter> = {
  ...podPrinters,
  ...corePrinters,
  ...storagePrinters,
  ...appsPrinters,
  ...batchPrinters,
  ...networkingPrinters,
  ...rbacPrinters,
  ...miscPrinters,
};

/** Go's time.RFC3339 of a UTC time: whole seconds. */
const rfc3339 = (timestamp: unknown): string => {
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  return Number.isNaN(ms) ? '0001-01-01T00:00:00Z' : new Date(ms - (((ms % 1000) + 1000) % 1000)).toISOString().replace('.000Z', 'Z');
};

/** apiserver's default table convertor, for kinds kube has no printer for (Role, ClusterRole, CRD, LimitRange...). */
const CREATED_AT_PRINTER: KindPrinter = {
  columns: [NAME_COLUMN, col('Created At', 'date', CREATION_TIMESTAMP_DESCRIPTION)],
  cells: (o) => [o.metadata.name, rfc3339(o.metadata.creationTimestamp)],
};

function printerFor(t: ResourceType, opts: TableOptions): KindPrinter {
  if (t.custom) return crdPrinter(opts.crd, t.version);
  return Object.prototype.hasOwnProperty.call(PRINTERS, t.kind) ? PRINTERS[t.kind] : CREATED_AT_PRINTER;
}

/** The row's `object`: what `includeObject` asks for (kubectl sends Metadata, the server default too). */
function rowObject(t: ResourceType, o: KubeObject, opts: TableOptions): unknown {
  if (opts.includeObject === 'None') return undefined;
  if (opts.includeObject === 'Object') return o.kind && o.apiVersion ? o : { ...o, apiVersion: apiVersionOf(t), kind: t.kind };
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** The meta.k8s.io/v1 Table kube-apiserver answers `kubectl get` with; kube always prints wide and lets the client hide priority>0 columns. */
export function toTable(t: ResourceType, objects: KubeObject[], opts: TableOptions): Omit<Table, 'metadata'> {
  const printer = printerFor(t, opts);
  const ctx: PrintContext = { now: opts.now.getTime() };
  const rows = new Array<PrintedRow>(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    const row: PrintedRow = { cells: printer.cells(o, ctx) };
    const conditions = printer.conditions?.(o);
    if (conditions) row.conditions = conditions;
    const object = rowObject(t, o, opts);
    if (object !== undefined) row.object = object;
    rows[i] = row;
  }
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: printer.columns, rows };
}
