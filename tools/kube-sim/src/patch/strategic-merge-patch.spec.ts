import { SchemaNode } from '../schema/schema-node';
import { applyStrategicMergePatch, StrategicMergePatchError } from './strategic-merge-patch';

const keyed = (key: string, items: SchemaNode = { type: 'object' }): SchemaNode => ({ type: 'array', items, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': key });
const container: SchemaNode = {
  type: 'object',
  properties: { name: { type: 'string' }, image: { type: 'string' }, env: keyed('name'), ports: keyed('containerPort'), volumeMounts: keyed('mountPath'), args: { type: 'array', items: { type: 'string' } } },
};
const podSpec: SchemaNode = { type: 'object', properties: { containers: keyed('name', container), volumes: { ...keyed('name'), 'x-kubernetes-patch-strategy': 'merge,retainKeys' } } };
const schema: SchemaNode = {
  type: 'object',
  properties: {
    metadata: { type: 'object', properties: { labels: { type: 'object', additionalProperties: { type: 'string' } }, finalizers: { type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'merge' } } },
    spec: {
      type: 'object',
      properties: {
        strategy: { type: 'object', 'x-kubernetes-patch-strategy': 'retainKeys', properties: { type: { type: 'string' }, rollingUpdate: { type: 'object' } } },
        template: { type: 'object', properties: { spec: podSpec } },
      },
    },
  },
};

const live = () => ({
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' }, finalizers: ['a', 'b'] },
  spec: {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: {
      spec: {
        containers: [
          { name: 'app', image: 'app:1', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }], args: ['x'] },
          { name: 'sidecar', image: 'proxy:1' },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
});

const containers = (o: any) => o.spec.template.spec.containers;

describe('strategic merge patch', () => {
  it('merges containers by name, keeping the ones the patch does not mention', () => {
    const out = applyStrategicMergePatch(live(), { spec: { template: { spec: { containers: [{ name: 'app', image: 'app:2' }] } } } }, schema);
    expect(containers(out).map((c: any) => `${c.name}=${c.image}`)).toEqual(['app=app:2', 'sidecar=proxy:1']);
    expect(containers(out)[0].env).toEqual([{ name: 'A', value: '1' }]);
  });

  it('adds an env var by name and a port by containerPort, and replaces lists without a strategy', () => {
    const out = applyStrategicMergePatch(live(), { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: '2' }, { name: 'A', value: 'one' }], ports: [{ containerPort: 443 }], args: ['y'] }] } } } }, schema);
    const app = containers(out)[0];
    expect(app.env).toEqual([{ name: 'A', value: 'one' }, { name: 'B', value: '2' }]);
    expect(app.ports).toEqual([{ containerPort: 80 }, { containerPort: 443 }]);
    expect(app.args).toEqual(['y']);
  });

  it('deletes a list item with $patch: delete and replaces a whole list with $patch: replace', () => {
    const deleted = applyStrategicMergePatch(live(), { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } }, schema);
    expect(containers(deleted).map((c: any) => c.name)).toEqual(['app']);
    const replaced = applyStrategicMergePatch(live(), { spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } } } }, schema);
    expect(containers(replaced)).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('deletes map keys with null and replaces a map with $patch: replace', () => {
    const out = applyStrategicMergePatch(live(), { metadata: { labels: { tier: null, env: 'prod' } } }, schema);
    expect(out.metadata).toMatchObject({ labels: { app: 'web', env: 'prod' } });
    const replaced = applyStrategicMergePatch(live(), { metadata: { labels: { $patch: 'replace', only: 'this' } } }, schema);
    expect((replaced.metadata as any).labels).toEqual({ only: 'this' });
  });

  it('unions primitive merge lists and removes values with $deleteFromPrimitiveList', () => {
    const out = applyStrategicMergePatch(live(), { metadata: { finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } }, schema);
    expect((out.metadata as any).finalizers).toEqual(['a', 'c']);
  });

  it('orders a merged list with $setElementOrder', () => {
    const out = applyStrategicMergePatch(live(), { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }], containers: [{ name: 'app', image: 'app:3' }] } } } }, schema);
    expect(containers(out).map((c: any) => c.name)).toEqual(['sidecar', 'app']);
  });

  it('drops keys not in $retainKeys, as switching a Deployment to Recreate does', () => {
    const out = applyStrategicMergePatch(live(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, schema);
    expect((out.spec as any).strategy).toEqual({ type: 'Recreate' });
  });

  it('behaves like a JSON merge patch where no schema is known', () => {
    const out = applyStrategicMergePatch({ a: { b: 1, c: [1, 2] } }, { a: { c: [3], d: null }, e: 'x' }, undefined);
    expect(out).toEqual({ a: { b: 1, c: [3] }, e: 'x' });
  });

  it('rejects malformed directives and list items without the merge key', () => {
    expect(() => applyStrategicMergePatch(live(), { metadata: { $patch: 'explode' } }, schema)).toThrow(StrategicMergePatchError);
    expect(() => applyStrategicMergePatch(live(), { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, schema)).toThrow('does not contain declared merge key: name');
  });

  it('never mutates its inputs', () => {
    const original = live();
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', image: 'app:9' }] } } } };
    const before = JSON.stringify([original, patch]);
    applyStrategicMergePatch(original, patch, schema);
    expect(JSON.stringify([original, patch])).toBe(before);
  });
});
