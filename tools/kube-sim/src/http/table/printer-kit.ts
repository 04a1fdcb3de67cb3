import { KubeObject } from '../../store/kube-object';
import { TableColumnDefinition, TableRow } from './table';

/** What every printer needs besides the object: the server's clock, read once per table. */
export interface PrintContext {
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/** kube's `metav1.TableRowCondition`; kube-apiserver marks finished pods with `Completed`. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export type PrintedRow = TableRow & { conditions?: TableRowCondition[] };

/** One kind's table: all its columns, in kube's order, and the cells of one object in that order. */
export interface KindPrinter {
  readonly columns: TableColumnDefinition[];
  cells(obj: KubeObject, ctx: PrintContext): unknown[];
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

/** metav1.ObjectMeta's swagger doc for `name`, which kube uses as the Name column's description. */
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** metav1.ObjectMeta's swagger doc for `creationTimestamp`, the description of every Age column. */
export const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** `col('Ready', 'string', '...')`; `-o wide` columns pass priority 1. */
export function col(
  name: string,
  type: TableColumnDefinition['type'],
  description: string,
  priority = 0,
  format = '',
): TableColumnDefinition {
  return { name, type, format, description, priority };
}

export const NAME_COLUMN = col('Name', 'string', NAME_DESCRIPTION, 0, 'name');
export const AGE_COLUMN = col('Age', 'string', CREATION_TIMESTAMP_DESCRIPTION);
export const CONTAINERS_COLUMN = col('Containers', 'string', 'Names of each container in the template.', 1);
export const IMAGES_COLUMN = col('Images', 'string', 'Images referenced by each container in the template.', 1);

/** Reads a nested field without throwing: `at(obj, 'status', 'readyReplicas')`. */
export function at(obj: unknown, ...path: Array<string | number>): unknown {
  let v = obj;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[path[i]];
  }
  return v;
}

const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/** The array at `v`, or a shared empty one so absent lists cost nothing. */
export const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NO_ITEMS);

/** A non-empty string, else `fallback`: how kube's printers treat unset string fields. */
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' && v !== '' ? v : fallback);

/** An int32/int64 field as kube prints it: unset is 0. */
export const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

/** An IntOrString or Quantity printed the way its Go String() does for already-canonical values. */
export const scalar = (v: unknown, fallback: string): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);

/** kube's layoutContainerCells: container names and images, comma-joined, for the wide columns. */
export function containerCells(podSpec: unknown): [names: string, images: string] {
  let names = '';
  let images = '';
  const containers = list(at(podSpec, 'containers'));
  for (let i = 0; i < containers.length; i++) {
    const sep = i ? ',' : '';
    names += sep + str(at(containers[i], 'name'));
    images += sep + str(at(containers[i], 'image'));
  }
  return [names, images];
}
