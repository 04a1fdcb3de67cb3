import type { KubeObject, ObjectMeta } from '@flotilla/api-types';

/** Anything shaped like a Kubernetes object; typed resources (Application, …) fit without an index signature. */
export interface Typed {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** Names one object: a full object works too, only apiVersion, kind and metadata.name/namespace are read. */
export interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}

/** A kind the API server serves, from discovery. */
export interface ApiResource {
  group: string;
  version: string;
  apiVersion: string;
  kind: string;
  /** The plural resource name used in URLs (`deployments`). */
  name: string;
  namespaced: boolean;
  verbs: string[];
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface ObjectList<T extends Typed = KubeObject> {
  items: T[];
  metadata: { resourceVersion?: string; continue?: string };
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** Field validation the server applies: Strict, Warn or Ignore (Validate=false maps to Ignore). */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

export interface PatchOptions extends WriteOptions {
  subresource?: string;
  /** Server-side apply only: take ownership of conflicting fields. */
  force?: boolean;
}

export interface DeleteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T extends Typed = KubeObject> {
  type: WatchEventType;
  object: T;
}

export interface WatchOptions extends Pick<ListOptions, 'namespace' | 'labelSelector' | 'fieldSelector' | 'resourceVersion'> {
  timeoutSeconds?: number;
}

/** GET pods/{name}/log options, as Kubernetes' PodLogOptions names them. */
export interface PodLogOptions {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  sinceSeconds?: number;
  /** RFC 3339: only lines written at or after it. */
  sinceTime?: string;
  tailLines?: number;
  /** Prefix each line with its RFC 3339 time and a space. */
  timestamps?: boolean;
}

export interface WatchHandle {
  /** Ends the watch; `done` then resolves without an error. */
  stop(): void;
  /** Settles when the stream ends: resolves on a clean end or stop, rejects on a transport or API error. */
  readonly done: Promise<void>;
}

export interface ServerVersion {
  major: string;
  minor: string;
  gitVersion: string;
  platform?: string;
}
