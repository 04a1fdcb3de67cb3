import { KubeObject, ManagedFieldsEntry } from '../store/kube-object';
import { trackUpdate } from './managed-fields';
import { deployment, deploymentSchema, LATER, NOW, stored } from './server-side-apply.fixture';

const base = { apiVersion: 'apps/v1', schema: deploymentSchema };

function create(obj: KubeObject, manager = 'kubectl-create'): KubeObject {
  return stored(obj, trackUpdate({ ...base, live: undefined, updated: stored(obj), manager, now: NOW }));
}

/** Applies `change` to a copy of `live` as `manager` would, returning the object as stored. */
function update(live: KubeObject, change: (o: KubeObject) => void, manager: string, extra: object = {}): KubeObject {
  const updated = structuredClone(live);
  change(updated);
  const managedFields = trackUpdate({ ...base, live, updated, manager, now: LATER, ...extra });
  return { ...updated, metadata: { ...updated.metadata, managedFields } };
}

const entriesOf = (o: KubeObject) => o.metadata.managedFields ?? [];
const setReplicas = (n: number) => (o: KubeObject) => ((o.spec as { replicas: number }).replicas = n);

const ownerOf = (entries: ManagedFieldsEntry[], manager: string) => entries.find((e) => e.manager === manager)?.fieldsV1;

describe('trackUpdate', () => {
  it('gives the creator one Update entry owning every field it set', () => {
    const obj = create(deployment());
    expect(obj.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: NOW,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"web"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                    'f:resources': {},
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it('moves a changed field to the updating manager', () => {
    const live = create(deployment());
    const entries = entriesOf(update(live, setReplicas(5), 'kubectl-edit'));
    expect(entries.map((e) => [e.manager, e.time])).toEqual([
      ['kubectl-create', NOW],
      ['kubectl-edit', LATER],
    ]);
    expect(ownerOf(entries, 'kubectl-edit')).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect((ownerOf(entries, 'kubectl-create')!['f:spec'] as object)['f:replicas' as never]).toBeUndefined();
  });

  it('removes a deleted field from every manager', () => {
    const live = create(deployment({}, { labels: { app: 'web', tier: 'front' } }));
    const labelled = update(live, (o) => (o.metadata.labels!.team = 'a'), 'labeller');
    expect(entriesOf(labelled).map((e) => e.manager)).toEqual(['kubectl-create', 'labeller']);
    const entries = entriesOf(update(labelled, (o) => (o.metadata.labels = { app: 'web' }), 'kubectl-edit'));
    expect(JSON.stringify(entries)).not.toContain('f:tier');
    expect(JSON.stringify(entries)).not.toContain('f:team');
    expect(entries.map((e) => e.manager)).toEqual(['kubectl-create']);
  });

  it('leaves managedFields alone when nothing changed', () => {
    const live = create(deployment());
    expect(entriesOf(update(live, () => undefined, 'kubectl-edit'))).toEqual(live.metadata.managedFields);
  });

  it('does not start tracking an existing object that has none, as upstream does until the first apply', () => {
    const live = stored(deployment());
    expect(entriesOf(update(live, setReplicas(5), 'kubectl-edit'))).toEqual([]);
  });

  it('takes managedFields the client rewrote, and drops them all for [{}]', () => {
    const live = create(deployment());
    const rewritten = live.metadata.managedFields!.map((e) => ({ ...e, manager: 'kubectl', operation: 'Apply' as const }));
    expect(entriesOf(update(live, (o) => (o.metadata.managedFields = rewritten), 'kubectl'))).toEqual(rewritten);
    expect(entriesOf(update(live, (o) => (o.metadata.managedFields = [{} as ManagedFieldsEntry]), 'kubectl-edit'))).toEqual([]);
  });

  it('records status updates against the status subresource only', () => {
    const live = create(deployment());
    const scope = { subresource: 'status', hasStatusSubresource: true };
    const status = { replicas: 3, conditions: [{ type: 'Available', status: 'True' }] };
    const entries = entriesOf(update(live, (o) => (o.status = status), 'kube-controller-manager', scope));
    expect(entries[1]).toEqual({
      manager: 'kube-controller-manager',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: LATER,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Available"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:replicas': {} },
      },
      subresource: 'status',
    });
  });

  it('does not give status to a main-resource update when /status serves it', () => {
    const live = create(deployment());
    const entries = entriesOf(update(live, (o) => (o.status = { replicas: 3 }), 'kubectl-edit', { hasStatusSubresource: true }));
    expect(entries.map((e) => e.manager)).toEqual(['kubectl-create']);
  });

  it('keeps at most ten Update entries, folding the oldest into ancient-changes', () => {
    let live = create(deployment());
    for (let i = 0; i < 11; i++) {
      const labels = { ...live.metadata.labels, [`l${i}`]: 'x' };
      const updated = { ...structuredClone(live), metadata: { ...structuredClone(live.metadata), labels } };
      const now = new Date(Date.parse(LATER) + i * 1000).toISOString();
      live = stored(updated, trackUpdate({ ...base, live, updated, manager: `m${i}`, now }));
    }
    const managers = live.metadata.managedFields!.map((e) => e.manager);
    expect(managers).toEqual(['ancient-changes', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']);
    const ancient = JSON.stringify(live.metadata.managedFields![0].fieldsV1);
    for (const folded of ['f:replicas', 'f:l0', 'f:l1']) expect(ancient).toContain(folded);
  });
});
