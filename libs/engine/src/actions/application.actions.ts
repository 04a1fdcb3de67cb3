// An Application's built-in action: toggle-auto-sync turns automated sync off when it is on (an
// `automated` block without enabled: false) and on when it is off, keeping the block's other settings.
import type { KubeObject } from '@flotilla/api-types';
import { getIn, isRecord } from '../object/json-value';
import type { BuiltinKindActions } from './builtin-action';

function autoSyncEnabled(app: KubeObject): boolean {
  const automated = getIn(app, 'spec', 'syncPolicy', 'automated');
  return isRecord(automated) && automated.enabled !== false;
}

/** The record at `obj[key]`, made if it is missing or not a record. */
function recordAt(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  if (!isRecord(obj[key])) obj[key] = {};
  return obj[key] as Record<string, unknown>;
}

export const applicationActions: BuiltinKindActions = {
  'toggle-auto-sync': {
    displayName: (app) => (autoSyncEnabled(app) ? 'Disable Auto-Sync' : 'Enable Auto-Sync'),
    run: (app) => {
      const enabled = autoSyncEnabled(app);
      const syncPolicy = recordAt(recordAt(app, 'spec'), 'syncPolicy');
      recordAt(syncPolicy, 'automated').enabled = !enabled;
      return [{ operation: 'patch', resource: app }];
    },
  },
};
