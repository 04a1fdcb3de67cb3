// Original file: proto/application/application.proto

import type {
  SyncStrategy as _application_SyncStrategy,
  SyncStrategy__Output as _application_SyncStrategy__Output,
} from '../application/SyncStrategy';
import type {
  SyncOperationResource as _application_SyncOperationResource,
  SyncOperationResource__Output as _application_SyncOperationResource__Output,
} from '../application/SyncOperationResource';
import type {
  RetryStrategy as _application_RetryStrategy,
  RetryStrategy__Output as _application_RetryStrategy__Output,
} from '../application/RetryStrategy';
import type {
  SyncOptions as _application_SyncOptions,
  SyncOptions__Output as _application_SyncOptions__Output,
} from '../application/SyncOptions';

export interface ApplicationSyncRequest {
  name?: string;
  revision?: string;
  dryRun?: boolean;
  prune?: boolean;
  strategy?: _application_SyncStrategy | null;
  resources?: _application_SyncOperationResource[];
  retryStrategy?: _application_RetryStrategy | null;
  syncOptions?: _application_SyncOptions | null;
  appNamespace?: string;
  project?: string;
  revisions?: string[];
  _name?: 'name';
  _revision?: 'revision';
  _dryRun?: 'dryRun';
  _prune?: 'prune';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ApplicationSyncRequest__Output {
  name?: string;
  revision?: string;
  dryRun?: boolean;
  prune?: boolean;
  strategy: _application_SyncStrategy__Output | null;
  resources: _application_SyncOperationResource__Output[];
  retryStrategy: _application_RetryStrategy__Output | null;
  syncOptions: _application_SyncOptions__Output | null;
  appNamespace?: string;
  project?: string;
  revisions: string[];
  _name?: 'name';
  _revision?: 'revision';
  _dryRun?: 'dryRun';
  _prune?: 'prune';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
