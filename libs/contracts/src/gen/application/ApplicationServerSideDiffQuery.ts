// Original file: proto/application/application.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * Argo's ApplicationServerSideDiffQuery: live resources (ResourceDiff objects, as JSON) and the target
 * manifests (JSON or YAML text) to compare them with by a server-side dry-run apply.
 */
export interface ApplicationServerSideDiffQuery {
  appName?: string;
  appNamespace?: string;
  project?: string;
  liveResources?: _flotilla_JsonObject[];
  targetManifests?: string[];
  _appName?: 'appName';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

/**
 * Argo's ApplicationServerSideDiffQuery: live resources (ResourceDiff objects, as JSON) and the target
 * manifests (JSON or YAML text) to compare them with by a server-side dry-run apply.
 */
export interface ApplicationServerSideDiffQuery__Output {
  appName?: string;
  appNamespace?: string;
  project?: string;
  liveResources: _flotilla_JsonObject__Output[];
  targetManifests: string[];
  _appName?: 'appName';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
