import { StatusError } from '../api/status-error';
import { KubeObject } from '../store/kube-object';
import { trackUpdate } from './managed-fields';
import {
  applyConflictError,
  conflictMessage,
  isApplyConflict,
  serverSideApply,
  ServerSideApplied,
  ServerSideApplyInput,
  ServerSideApplyResult,
} from './server-side-apply';
import { deployment, deploymentSchema, LATER, NOW, stored } from './server-side-apply.fixture';
import { LAST_APPLIED_ANNOTATION } from './server-side-apply-last-applied';
import { orderMerged } from './server-side-apply-merge';

type Spec = { replicas?: number; template: { spec: { containers: Array<Record<string, unknown>> } } };
const specOf = (o: KubeObject) => o.spec as Spec;

function apply(live: KubeObject | undefined, applied: KubeObject, manager: string, extra: Partial<ServerSideApplyInput> = {}): ServerSideApplyResult {
  const input = { live, applied, manager, force: false, schema: deploymentSchema, now: live ? LATER : NOW, ...extra };
  return serverSideApply(input);
}

function applied(r: ServerSideApplyResult): ServerSideApplied {
  if (isApplyConflict(r)) throw new Error(conflictMessage(r.conflicts));
  return r;
}

/** Stores an apply result the way the registry would: identity stamped, managedFields kept. */
const store = (r: ServerSideApplyResult) => stored(applied(r).object, applied(r).managedFields);

/** An object created with `kubectl apply` (client-side): one Update entry plus the annotation. */
function createdClientSide(obj: KubeObject): KubeObject {
  const withAnnotation = structuredClone(obj);
  withAnnotation.metadata.annotations = { [LAST_APPLIED_ANNOTATION]: `${JSON.stringify(obj)}\n` };
  const entries = trackUpdate({ live: undefined, updated: stored(withAnnotation), manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', schema: deploymentSchema, now: NOW });
  return stored(withAnnotation, entries);
}

function updatedBy(live: KubeObject, manager: string, change: (o: KubeObject) => void, subresource?: string): KubeObject {
  const next = structuredClone(live);
  change(next);
  const entries = trackUpdate({ live, updated: next, manager, apiVersion: 'apps/v1', schema: deploymentSchema, now: LATER, subresource });
  return { ...next, metadata: { ...next.metadata, managedFields: entries } };
}

describe('serverSideApply', () => {
  it('creates the object on first apply, with one Apply entry for the applied fields', () => {
    const r = applied(apply(undefined, deployment(), 'kubectl'));
    expect(r.changed).toBe(true);
    expect(r.object).toEqual({ ...deployment(), metadata: { ...deployment().metadata, managedFields: r.managedFields } });
    expect(r.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: NOW,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"web"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it('prunes what the manager stops applying', () => {
    const env = [{ name: 'MODE', value: 'fast' }];
    const first = store(apply(undefined, deployment({}, { labels: { app: 'web', tier: 'front' } }), 'ci'));
    const withEnv = deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', env }] } } });
    const second = store(apply(first, withEnv, 'ci'));
    expect(second.metadata.labels).toEqual({ app: 'web' });
    expect(specOf(second).template.spec.containers[0]).toEqual({ name: 'web', image: 'nginx:1.27', env });
    const third = applied(apply(second, deployment({ replicas: undefined }), 'ci'));
    expect(specOf(third.object).replicas).toBeUndefined();
    expect(specOf(third.object).template.spec.containers[0].env).toBeUndefined();
    expect(JSON.stringify(third.managedFields)).not.toMatch(/f:replicas|f:env|f:tier/);
  });

  it('keeps a dropped field that another manager still owns', () => {
    const live = updatedBy(store(apply(undefined, deployment(), 'ci')), 'kubectl-scale', (o) => ((o.spec as Spec).replicas = 5));
    const r = applied(apply(live, deployment({ replicas: undefined }), 'ci'));
    expect(specOf(r.object).replicas).toBe(5);
  });

  it('shares a field applied with the same value by two managers, without conflict', () => {
    const live = store(apply(undefined, deployment(), 'team-a'));
    const shared = store(apply(live, deployment(), 'team-b'));
    const owners = shared.metadata.managedFields!.filter((e) => JSON.stringify(e.fieldsV1).includes('f:replicas'));
    expect(owners.map((e) => e.manager)).toEqual(['team-a', 'team-b']);
    const r = applied(apply(shared, deployment({ replicas: undefined }), 'team-a'));
    expect(specOf(r.object).replicas).toBe(3);
  });

  it('reports a conflict on a field another applier set differently, in kube-apiserver words', () => {
    const live = store(apply(undefined, deployment(), 'team-a'));
    const r = apply(live, deployment({ replicas: 4 }), 'team-b');
    expect(r).toEqual({ conflicts: [{ manager: 'team-a', operation: 'Apply', apiVersion: 'apps/v1', field: '.spec.replicas' }] });
    const conflicts = (r as { conflicts: Parameters<typeof applyConflictError>[0] }).conflicts;
    expect(applyConflictError(conflicts).toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "team-a": .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "team-a"', field: '.spec.replicas' }] },
      code: 409,
    });
  });

  it('lists several conflicts per manager', () => {
    const created = createdClientSide(deployment());
    const live = updatedBy(created, 'kube-controller-manager', (o) => ((o.spec as Spec).replicas = 7));
    const change = deployment({ replicas: 1, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:2' }] } } });
    const r = apply(live, { ...change, metadata: { ...change.metadata, labels: { app: 'api' } } }, 'argocd-controller');
    if (!isApplyConflict(r)) throw new Error('expected conflicts');
    expect(conflictMessage(r.conflicts)).toBe(
      [
        'Apply failed with 3 conflicts: conflicts with "kube-controller-manager" using apps/v1:',
        '- .spec.replicas',
        'conflicts with "kubectl-client-side-apply" using apps/v1:',
        '- .metadata.labels.app',
        '- .spec.template.spec.containers[name="web"].image',
      ].join('\n'),
    );
    expect(applyConflictError(r.conflicts).details?.causes?.map((c) => c.message)).toEqual([
      'conflict with "kube-controller-manager" using apps/v1',
      'conflict with "kubectl-client-side-apply" using apps/v1',
      'conflict with "kubectl-client-side-apply" using apps/v1',
    ]);
  });

  it('takes ownership with force', () => {
    const live = store(apply(undefined, deployment(), 'team-a'));
    const r = applied(apply(live, deployment({ replicas: 4 }), 'team-b', { force: true }));
    expect(specOf(r.object).replicas).toBe(4);
    const owners = r.managedFields.filter((e) => JSON.stringify(e.fieldsV1).includes('f:replicas')).map((e) => e.manager);
    expect(owners).toEqual(['team-b']);
  });

  it('conflicts with the client-side apply owner of replicas when another manager changes them', () => {
    const live = createdClientSide(deployment());
    const r = apply(live, deployment({ replicas: 5 }), 'argocd-controller');
    if (!isApplyConflict(r)) throw new Error('expected a conflict');
    expect(conflictMessage(r.conflicts)).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });

  it('conflicts with `kubectl scale` when `kubectl apply --server-side` sets replicas back', () => {
    const live = updatedBy(createdClientSide(deployment()), 'kubectl-scale', (o) => ((o.spec as Spec).replicas = 5), 'scale');
    const r = apply(live, deployment({ replicas: 3 }), 'kubectl');
    if (!isApplyConflict(r)) throw new Error('expected a conflict');
    expect(conflictMessage(r.conflicts)).toBe('Apply failed with 1 conflict: conflict with "kubectl-scale" with subresource "scale" using apps/v1: .spec.replicas');
  });

  it('lets `kubectl apply --server-side` take over unchanged client-side applied fields, and rewrites the annotation', () => {
    const live = createdClientSide(deployment());
    const r = applied(apply(live, deployment({ replicas: 5 }), 'kubectl'));
    expect(specOf(r.object).replicas).toBe(5);
    const csa = r.managedFields.find((e) => e.manager === 'kubectl-client-side-apply');
    expect(JSON.stringify(csa?.fieldsV1)).not.toContain('f:replicas');
    const annotation = r.object.metadata.annotations![LAST_APPLIED_ANNOTATION];
    expect(annotation.endsWith('\n')).toBe(true);
    expect(JSON.parse(annotation).spec.replicas).toBe(5);
  });

  it('merges associative list items by key, keeping fields and items it does not apply', () => {
    const created = store(apply(undefined, deployment(), 'ci'));
    const live = updatedBy(created, 'injector', (o) => {
      const containers = specOf(o).template.spec.containers;
      containers[0].imagePullPolicy = 'IfNotPresent';
      containers.push({ name: 'sidecar', image: 'envoy:1' });
    });
    const web = { name: 'web', image: 'nginx:1.28', ports: [{ containerPort: 80 }] };
    const r = applied(apply(live, deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [web] } } }), 'ci'));
    expect(specOf(r.object).template.spec.containers).toEqual([
      { ...web, imagePullPolicy: 'IfNotPresent' },
      { name: 'sidecar', image: 'envoy:1' },
    ]);
  });

  it('orders merged items by the applied order, keeping live-only items near their neighbours', () => {
    expect(orderMerged(['a', 'b', 'c'], ['c', 'a'])).toEqual(['b', 'c', 'a']);
    expect(orderMerged(['a', 'x', 'b'], ['a', 'b', 'c'])).toEqual(['a', 'x', 'b', 'c']);
  });

  it('credits an untracked object to before-first-apply', () => {
    const r = apply(stored(deployment()), deployment({ replicas: 2 }), 'ci');
    if (!isApplyConflict(r)) throw new Error('expected a conflict');
    expect(conflictMessage(r.conflicts)).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  it('ignores status on the main resource and touches only status through /status', () => {
    const live = store(apply(undefined, deployment(), 'ci', { hasStatusSubresource: true }));
    const withStatus = { ...deployment({ replicas: 3 }), status: { replicas: 9 } };
    const main = applied(apply(live, withStatus, 'ci', { hasStatusSubresource: true }));
    expect(main.object.status).toBeUndefined();
    expect(JSON.stringify(main.managedFields)).not.toContain('f:status');
    const sub = applied(apply(live, { ...deployment({ replicas: 8 }), status: { replicas: 9 } }, 'controller', { subresource: 'status', hasStatusSubresource: true }));
    expect(sub.object.status).toEqual({ replicas: 9 });
    expect(specOf(sub.object).replicas).toBe(3);
    expect(sub.managedFields.find((e) => e.manager === 'controller')).toMatchObject({ subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
  });

  it('reports an unchanged re-apply as a no-op and keeps the entry time', () => {
    const live = store(apply(undefined, deployment(), 'ci'));
    const r = applied(apply(live, deployment(), 'ci'));
    expect(r.changed).toBe(false);
    expect(r.managedFields).toEqual(live.metadata.managedFields);
  });

  it('leaves its inputs untouched', () => {
    const live = createdClientSide(deployment());
    const config = deployment({ replicas: 5 });
    const before = JSON.stringify([live, config]);
    applied(apply(live, config, 'kubectl'));
    expect(JSON.stringify([live, config])).toBe(before);
  });

  it('rejects a configuration that sets managedFields or omits a list key', () => {
    const withManaged = { ...deployment(), metadata: { ...deployment().metadata, managedFields: [] } };
    expect(() => apply(undefined, withManaged, 'ci')).toThrow('metadata.managedFields must be nil');
    const keyless = deployment({ template: { spec: { containers: [{ image: 'nginx' }] } } });
    const err = (() => {
      try {
        apply(undefined, keyless, 'ci');
      } catch (e) {
        return e as StatusError;
      }
    })();
    expect(err?.code).toBe(500);
    expect(err?.message).toBe(
      'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });
});
