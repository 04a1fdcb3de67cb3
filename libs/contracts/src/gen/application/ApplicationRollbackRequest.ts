// Original file: proto/application/application.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Rollback syncs to the revision and source of one status.history entry (by its id).
 */
export interface ApplicationRollbackRequest {
  name?: string;
  id?: number | string | Long;
  dryRun?: boolean;
  prune?: boolean;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _id?: 'id';
  _dryRun?: 'dryRun';
  _prune?: 'prune';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

/**
 * Rollback syncs to the revision and source of one status.history entry (by its id).
 */
export interface ApplicationRollbackRequest__Output {
  name?: string;
  id?: string;
  dryRun?: boolean;
  prune?: boolean;
  appNamespace?: string;
  project?: string;
  _name?: 'name';
  _id?: 'id';
  _dryRun?: 'dryRun';
  _prune?: 'prune';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
