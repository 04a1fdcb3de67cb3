// A Deployment's built-in actions: restart, and pause/resume of its rollout (spec.paused), each of
// the two disabled when the Deployment is already in that state.
import type { KubeObject } from '@flotilla/api-types';
import { getIn, isRecord } from '../object/json-value';
import type { BuiltinKindActions } from './builtin-action';
import { restartAction } from './workload-restart.action';
import { scaleAction } from './workload-scale.action';

const isPaused = (obj: KubeObject): boolean => getIn(obj, 'spec', 'paused') === true;

function specOf(obj: KubeObject): Record<string, unknown> {
  if (!isRecord(obj.spec)) obj.spec = {};
  return obj.spec as Record<string, unknown>;
}

export const deploymentActions: BuiltinKindActions = {
  restart: restartAction,
  scale: scaleAction,
  pause: {
    iconClass: 'fa fa-fw fa-pause-circle',
    disabled: isPaused,
    run: (obj) => {
      specOf(obj).paused = true;
      return [{ operation: 'patch', resource: obj }];
    },
  },
  resume: {
    iconClass: 'fa fa-fw fa-play-circle',
    disabled: (obj) => !isPaused(obj),
    run: (obj) => {
      // Removed rather than false: the field goes back to its default, as it was before a pause.
      delete specOf(obj).paused;
      return [{ operation: 'patch', resource: obj }];
    },
  },
};
