// `scale` for Deployments and StatefulSets: sets spec.replicas to the `replicas` parameter the caller
// gives (RunResourceActionV2's resourceActionParameters; the UI asks for it).
import { isRecord } from '../object/json-value';
import { ActionParamError, type BuiltinAction } from './builtin-action';

export const scaleAction: BuiltinAction = {
  iconClass: 'fa fa-fw fa-plus-circle',
  params: [{ name: 'replicas' }],
  run: (obj, _clock, params) => {
    const given = params?.replicas;
    if (given === undefined) throw new ActionParamError('the scale action needs the replicas parameter');
    if (!/^\s*\d+\s*$/.test(given))
      throw new ActionParamError(`replicas must be a whole number of 0 or more, not ${JSON.stringify(given)}`);
    if (!isRecord(obj.spec)) obj.spec = {};
    (obj.spec as Record<string, unknown>).replicas = Number(given);
    return [{ operation: 'patch', resource: obj }];
  },
};
