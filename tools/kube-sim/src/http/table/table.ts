import { ResourceType } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';

/** meta.k8s.io/v1 Table, what `kubectl get` asks for with `Accept: ...;as=Table`. */
export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  now: Date;
  includeObject: IncludeObject;
  /** The CRD serving a custom resource, for its additionalPrinterColumns. */
  crd?: KubeObject;
}

/** Turns objects of one resource into table rows; one printer per kind. */
export type TablePrinter = (t: ResourceType, objects: KubeObject[], opts: TableOptions) => Pick<Table, 'columnDefinitions' | 'rows'>;
