import type { KubeObject } from '@flotilla/api-types';
import { luaAction, luaActionDiscovery } from './lua-actions';

const obj: KubeObject = { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'a', labels: {} }, spec: { replicas: 3, selector: {} } };

describe('Lua resource actions as Argo CD runs them', () => {
  it('discovers actions, an empty table as an enabled action, disabled ones flagged, sorted by name', () => {
    const script = 'return { restart = {}, scale = { disabled = obj.spec.replicas > 2, iconClass = "fa fa-up", displayName = "Scale" } }';
    expect(luaActionDiscovery(script, obj)).toEqual({
      actions: [
        { name: 'restart', disabled: false },
        { name: 'scale', disabled: true, iconClass: 'fa fa-up', displayName: 'Scale' },
      ],
    });
  });

  it('an empty discovery table is no actions; a non-table is an error', () => {
    expect(luaActionDiscovery('return {}', obj)).toEqual({ actions: [] });
    expect(luaActionDiscovery('return "x"', obj)).toEqual({ error: 'expect table output from Lua script, not string' });
  });

  it('a returned obj is a patch; maps the script emptied keep being maps, whole numbers stay whole', () => {
    const got = luaAction('obj.spec.replicas = obj.spec.replicas * 2 / 3 * 2 obj.metadata.labels = {} return obj', obj);
    expect(got).toEqual({ impacted: [{ operation: 'patch', resource: { ...obj, spec: { replicas: 4, selector: {} } } }] });
  });

  it('a list of impacted resources patches and creates', () => {
    const script = 'local job = { apiVersion = "batch/v1", kind = "Job", metadata = { name = "run" } } return { { operation = "create", resource = job }, { operation = "patch", resource = obj } }';
    expect(luaAction(script, obj)).toEqual({
      impacted: [
        { operation: 'create', resource: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'run' } } },
        { operation: 'patch', resource: obj },
      ],
    });
  });

  it('reads actionParams, refuses functions in the result and stays under the instruction budget', () => {
    expect(luaAction('obj.spec.replicas = tonumber(actionParams.replicas) return obj', obj, {}, { replicas: '7' })).toEqual({ impacted: [{ operation: 'patch', resource: { ...obj, spec: { replicas: 7, selector: {} } } }] });
    expect(luaAction('obj.spec.f = print return obj', obj)).toEqual({ error: 'cannot encode function to JSON' });
    expect(luaAction('while true do end', obj, { instructionLimit: 10_000 })).toEqual({ error: expect.stringMatching(/action\.lua: stopped after 10000 instructions/) });
  });
});
