import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessResourceHealth } from '../health/health.registry';
import { parseReadyConditionKinds, READY_CONDITION_KINDS_KEY, readyConditionConfigured } from './ready-condition-kinds';
import { parseResourceCustomizations } from './resource-customizations';

const obj = (apiVersion: string, kind: string, status?: object, generation = 3): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: 'orders', namespace: 'shop', generation },
  spec: {},
  ...(status ? { status } : {}),
});
const ready = (status: string, reason?: string, message?: string): object => ({
  type: 'Ready',
  status,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

const settings = (value: string, more: Record<string, string> = {}) =>
  parseResourceCustomizations({ [READY_CONDITION_KINDS_KEY]: value, ...more });

describe('flotilla.health.readyCondition.kinds parsing', () => {
  it.each<[string, string, string[]]>([
    ['a YAML list', '- db.example.com/Database\n- "*.example.com/*"\n', ['db.example.com/Database', '*.example.com/*']],
    ['a flow list', '[db.example.com/Database, cache.example.com/Redis]', ['db.example.com/Database', 'cache.example.com/Redis']],
    ['comma separated', 'db.example.com/Database, cache.example.com/Redis', ['db.example.com/Database', 'cache.example.com/Redis']],
    [
      'newline separated, blanks and repeats dropped',
      'db.example.com/Database\n\n  cache.example.com/Redis  \ndb.example.com/Database\n',
      ['db.example.com/Database', 'cache.example.com/Redis'],
    ],
    ['a core kind with or without its slash', '/ConfigMap, Secret', ['ConfigMap', 'Secret']],
    ['braces in a YAML list', '- "{db,cache}.example.com/*"', ['{db,cache}.example.com/*']],
  ])('%s', (_name, value, want) => {
    expect(parseReadyConditionKinds(value)).toEqual({ patterns: want, warnings: [] });
  });

  it.each<[string, string, string[], string[]]>([
    ['not valid YAML', '- [a', [], [`${READY_CONDITION_KINDS_KEY}: not valid YAML, no kind gets the Ready condition rule:`]],
    ['a mapping', '[a/B]: x', [], [`${READY_CONDITION_KINDS_KEY}: must be a list of <group>/<Kind> patterns`]],
    [
      'too many slashes',
      'a/b/C, db.example.com/Database',
      ['db.example.com/Database'],
      [`${READY_CONDITION_KINDS_KEY}: "a/b/C" is not a <group>/<Kind> pattern`],
    ],
    ['no kind', 'example.com/', [], [`${READY_CONDITION_KINDS_KEY}: "example.com/" is not a <group>/<Kind> pattern`]],
    ['an unclosed class', 'db.example.com/[Data', [], [`${READY_CONDITION_KINDS_KEY}: "db.example.com/[Data" is not a valid pattern`]],
    [
      'a number in the list',
      '- 42\n- db.example.com/Database',
      ['db.example.com/Database'],
      [`${READY_CONDITION_KINDS_KEY}: 42 is not a <group>/<Kind> pattern (a string)`],
    ],
  ])('%s is a warning; the good patterns still apply', (_name, value, patterns, warnings) => {
    const got = parseReadyConditionKinds(value);
    expect(got.patterns).toEqual(patterns);
    expect(got.warnings).toHaveLength(warnings.length);
    got.warnings.forEach((w, i) => expect(w.startsWith(warnings[i])).toBe(true));
  });

  it('flows through parseResourceCustomizations with its warnings, beside the Argo keys', () => {
    const { customizations, warnings } = settings('db.example.com/Database, a/b/c', {
      'resource.customizations.health.x.io_Y': 'return {status="Healthy"}',
    });
    expect(customizations.readyConditionKinds).toEqual(['db.example.com/Database']);
    expect(Object.keys(customizations.health)).toEqual(['x.io/Y']);
    expect(warnings).toEqual([`${READY_CONDITION_KINDS_KEY}: "a/b/c" is not a <group>/<Kind> pattern`]);
    expect(parseResourceCustomizations({}).customizations.readyConditionKinds).toBeUndefined();
  });
});

describe('flotilla.health.readyCondition.kinds matching', () => {
  const patterns = ['*.example.com/*', 'db.acme.io/Database', 'ConfigMap'];
  it.each<[string, string, boolean]>([
    ['db.example.com', 'Database', true],
    ['queues.team.example.com', 'Queue', true],
    ['example.com', 'Database', false],
    ['db.acme.io', 'Database', true],
    ['db.acme.io', 'Backup', false],
    ['', 'ConfigMap', true],
    ['', 'Secret', false],
  ])('%s/%s → %s', (group, kind, want) => expect(readyConditionConfigured(patterns, group, kind)).toBe(want));
  it('nothing configured matches nothing', () => expect(readyConditionConfigured(undefined, 'db.example.com', 'Database')).toBe(false));
});

describe('the configured Ready condition rule', () => {
  const { customizations } = settings('- "*.example.com/*"');
  const assess = (o: KubeObject): HealthStatus | undefined => assessResourceHealth(o, { customizations }).health;

  it.each<[string, KubeObject, HealthStatus]>([
    [
      'Ready True',
      obj('db.example.com/v1', 'Database', { observedGeneration: 3, conditions: [ready('True', 'Available', 'primary up')] }),
      { status: 'Healthy', message: 'primary up' },
    ],
    [
      'Ready False',
      obj('db.example.com/v1', 'Database', { observedGeneration: 3, conditions: [ready('False', 'BackupFailed', 'bucket not found')] }),
      { status: 'Degraded', message: 'BackupFailed: bucket not found' },
    ],
    [
      'an older generation observed',
      obj('db.example.com/v1', 'Database', { observedGeneration: 2, conditions: [ready('True')] }),
      { status: 'Progressing', message: 'waiting for the controller to observe generation 3' },
    ],
    [
      'a Ready condition about an older generation',
      obj('db.example.com/v1', 'Database', { conditions: [{ ...ready('False', 'Old'), observedGeneration: 1 }] }),
      { status: 'Progressing', message: 'waiting for the controller to observe generation 3' },
    ],
    [
      'Ready Unknown',
      obj('db.example.com/v1', 'Database', { conditions: [ready('Unknown', 'Provisioning', 'creating volume')] }),
      { status: 'Progressing', message: 'creating volume' },
    ],
    [
      'no Ready condition',
      obj('db.example.com/v1', 'Database', { conditions: [{ type: 'Synced', status: 'True' }] }),
      { status: 'Progressing', message: 'waiting for a Ready condition' },
    ],
    ['no status', obj('db.example.com/v1', 'Database'), { status: 'Progressing', message: 'waiting for a Ready condition' }],
  ])('%s', (_name, o, want) => expect(assess(o)).toEqual(want));

  it('leaves kinds it does not list without health, as before', () => {
    expect(assess(obj('db.acme.io/v1', 'Database', { conditions: [ready('False')] }))).toBeUndefined();
    expect(assessResourceHealth(obj('db.example.com/v1', 'Database', { conditions: [ready('False')] })).health).toBeUndefined();
  });

  it('comes after a built-in check, exact or by wildcard group', () => {
    const all = settings('*/*').customizations;
    // cert-manager's Certificate has its own check: Issuing True is Progressing whatever Ready says.
    const cert = obj('cert-manager.io/v1', 'Certificate', {
      conditions: [ready('True'), { type: 'Issuing', status: 'True', message: 'renewing' }],
    });
    expect(assessResourceHealth(cert, { customizations: all }).health).toEqual({ status: 'Progressing', message: 'renewing' });
    // A Crossplane managed resource goes by the wildcard built-in, which also reads Synced.
    const bucket = obj('s3.aws.upbound.io/v1beta1', 'Bucket', {
      conditions: [ready('True'), { type: 'Synced', status: 'False', message: 'cannot update' }],
    });
    expect(assessResourceHealth(bucket, { customizations: all }).health).toEqual(assessResourceHealth(bucket).health);
    expect(assessResourceHealth(bucket, { customizations: all }).health?.status).toBe('Degraded');
  });

  it('comes after an argocd-cm Lua check for the kind', () => {
    const both = settings('db.example.com/Database', {
      'resource.customizations.health.db.example.com_Database': 'return {status="Suspended", message="from lua"}',
    }).customizations;
    expect(
      assessResourceHealth(obj('db.example.com/v1', 'Database', { conditions: [ready('True')] }), { customizations: both }).health,
    ).toEqual({
      status: 'Suspended',
      message: 'from lua',
    });
  });
});
