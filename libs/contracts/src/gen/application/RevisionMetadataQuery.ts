// Original file: proto/application/application.proto

export interface RevisionMetadataQuery {
  name?: string;
  /**
   * A commit SHA (full or abbreviated).
   */
  revision?: string;
  appNamespace?: string;
  project?: string;
  /**
   * Which of spec.sources (0-based; the first by default).
   */
  sourceIndex?: number;
  /**
   * Read the sources of this status.history entry instead of the spec's.
   */
  versionId?: number;
  _name?: 'name';
  _revision?: 'revision';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _sourceIndex?: 'sourceIndex';
  _versionId?: 'versionId';
}

export interface RevisionMetadataQuery__Output {
  name?: string;
  /**
   * A commit SHA (full or abbreviated).
   */
  revision?: string;
  appNamespace?: string;
  project?: string;
  /**
   * Which of spec.sources (0-based; the first by default).
   */
  sourceIndex?: number;
  /**
   * Read the sources of this status.history entry instead of the spec's.
   */
  versionId?: number;
  _name?: 'name';
  _revision?: 'revision';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _sourceIndex?: 'sourceIndex';
  _versionId?: 'versionId';
}
