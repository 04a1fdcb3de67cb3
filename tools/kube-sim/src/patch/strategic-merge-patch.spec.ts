import { SchemaNode } from '../schema/schema-node';
import { applyStrategicMergePatch, StrategicMergePatchError } from './strategic-merge-patch';

// A hand-built slice of the Deployment schema with the patch strategies kube-apiserver uses.
const mergeList = (key: string, items: SchemaNode = { type: 'object' }, strategy = 'merge'): SchemaNode => ({
  type: 'array',
  items,
  'x-kubernetes-patch-strategy': strategy,
  'x-kubernetes-patch-merge-key': key,
});
const container: SchemaNode = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    image: { type: 'string' },
    env: mergeList('name'),
    ports: mergeList('containerPort'),
    volumeMounts: mergeList('mountPath'),
    args: { type: 'array', items: { type: 'string' } },
  },
};
const volume: SchemaNode = {
  type: 'object',
  properties: { name: { type: 'string' }, emptyDir: { type: 'object' }, configMap: { type: 'object' } },
};
const podSpec: SchemaNode = {
  type: 'object',
  properties: {
    containers: mergeList('name', container),
    volumes: mergeList('name', volume, 'merge,retainKeys'),
    tolerations: { type: 'array', items: { type: 'object' } },
  },
};
const schema: SchemaNode = {
  type: 'object',
  properties: {
    metadata: {
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        finalizers: { type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'merge' },
      },
    },
    spec: {
      type: 'object',
      properties: {
        strategy: {
          type: 'object',
          'x-kubernetes-patch-strategy': 'retainKeys',
          properties: { type: { type: 'string' }, rollingUpdate: { type: 'object' } },
        },
        template: { type: 'object', properties: { spec: podSpec } },
      },
    },
  },
};

type Obj = Record<string, any>;

const live = (): Obj => ({
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

const podPatch = (spec: Obj): Obj => ({ spec: { template: { spec } } });
const apply = (base: Obj, patch: Obj): Obj => applyStrategicMergePatch(base, patch, schema);
const patchPod = (spec: Obj, base: Obj = live()): Obj => apply(base, podPatch(spec));
const podSpecOf = (o: Obj): Obj => o.spec.template.spec;
const names = (list: Obj[]): unknown[] => list.map((i) => i.name);

describe('strategic merge patch: merge-key lists', () => {
  it('changes one container image and keeps the other containers and fields', () => {
    const out = patchPod({ containers: [{ name: 'app', image: 'app:2' }] });
    expect(podSpecOf(out).containers).toEqual([
      { name: 'app', image: 'app:2', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }], args: ['x'] },
      { name: 'sidecar', image: 'proxy:1' },
    ]);
  });

  it('adds an env var by name ahead of the existing ones, as kube-apiserver orders an unordered patch', () => {
    const out = patchPod({ containers: [{ name: 'app', env: [{ name: 'B', value: '2' }] }] });
    expect(podSpecOf(out).containers[0].env).toEqual([
      { name: 'B', value: '2' },
      { name: 'A', value: '1' },
    ]);
  });

  it('appends the env var where kubectl apply asks for it with $setElementOrder', () => {
    const out = patchPod({
      containers: [{ name: 'app', '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }], env: [{ name: 'B', value: '2' }] }],
    });
    expect(podSpecOf(out).containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
  });

  it('matches ports by a numeric containerPort and replaces lists that have no strategy', () => {
    const out = patchPod({
      containers: [{ name: 'app', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }], args: ['y'] }],
    });
    const app = podSpecOf(out).containers[0];
    expect(app.ports).toEqual([{ containerPort: 80, name: 'http' }, { containerPort: 443 }]);
    expect(app.args).toEqual(['y']);
  });

  it('keeps server-only items in front of the patch items that followed them', () => {
    const base = { spec: { template: { spec: { containers: [{ name: '1' }, { name: '2', image: 'b' }, { name: '3' }] } } } };
    const out = patchPod(
      {
        containers: [
          { name: '3', image: 'c' },
          { name: '1', image: 'a' },
        ],
      },
      base,
    );
    expect(podSpecOf(out).containers).toEqual([
      { name: '2', image: 'b' },
      { name: '3', image: 'c' },
      { name: '1', image: 'a' },
    ]);
  });

  it('deletes a container with $patch: delete, and every duplicate of it', () => {
    expect(names(podSpecOf(patchPod({ containers: [{ name: 'sidecar', $patch: 'delete' }] })).containers)).toEqual(['app']);
    const dup = { spec: { template: { spec: { containers: [{ name: 'x' }, { name: 'y' }, { name: 'x' }] } } } };
    expect(podSpecOf(patchPod({ containers: [{ name: 'x', $patch: 'delete' }] }, dup)).containers).toEqual([{ name: 'y' }]);
  });

  it('replaces the whole list with $patch: replace, or empties it', () => {
    const replaced = patchPod({ containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] });
    expect(podSpecOf(replaced).containers).toEqual([{ name: 'only', image: 'x' }]);
    expect(podSpecOf(patchPod({ containers: [{ $patch: 'replace' }] })).containers).toEqual([]);
  });

  it('drops a volume source not named by $retainKeys inside a merge,retainKeys list', () => {
    const out = patchPod({ volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' } }] });
    expect(podSpecOf(out).volumes).toEqual([{ name: 'data', configMap: { name: 'cm' } }]);
  });
});

describe('strategic merge patch: $setElementOrder', () => {
  it('orders the named items as asked and keeps server-only items in place', () => {
    const containers = ['1', '2', '9', '3', '4'].map((name) => ({ name }));
    const out = patchPod(
      { '$setElementOrder/containers': ['2', '1', '4', '3'].map((name) => ({ name })) },
      { spec: { template: { spec: { containers } } } },
    );
    expect(names(podSpecOf(out).containers)).toEqual(['2', '1', '9', '4', '3']);
  });

  it('reorders while merging the patch list', () => {
    const out = patchPod({
      '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }],
      containers: [{ name: 'app', image: 'app:3' }],
    });
    expect(podSpecOf(out).containers.map((c: Obj) => `${c.name}=${c.image}`)).toEqual(['sidecar=proxy:1', 'app=app:3']);
  });

  it('orders primitive lists too', () => {
    const out = apply(live(), { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'], finalizers: ['c'] } });
    expect(out.metadata.finalizers).toEqual(['b', 'c', 'a']);
  });

  it('rejects a patch list whose order contradicts the directive', () => {
    const patch = {
      '$setElementOrder/containers': [{ name: 'app' }, { name: 'sidecar' }],
      containers: [{ name: 'sidecar' }, { name: 'app' }],
    };
    expect(() => patchPod(patch)).toThrow("doesn't match $setElementOrder list");
  });
});

describe('strategic merge patch: maps, primitives and directives', () => {
  it('deletes a label with null and merges the others per key', () => {
    const out = apply(live(), { metadata: { labels: { tier: null, env: 'prod' } } });
    expect(out.metadata.labels).toEqual({ app: 'web', env: 'prod' });
  });

  it('replaces a map with $patch: replace and empties it with $patch: delete', () => {
    const replaced = apply(live(), { metadata: { labels: { $patch: 'replace', only: 'this' } } });
    expect(replaced.metadata.labels).toEqual({ only: 'this' });
    const deleted = apply(live(), { metadata: { labels: { $patch: 'delete' } } });
    expect(deleted.metadata.labels).toEqual({});
    expect(deleted.metadata.name).toBe('web');
  });

  it('unions a primitive merge list and removes values with $deleteFromPrimitiveList', () => {
    const out = apply(live(), { metadata: { finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } });
    expect(out.metadata.finalizers).toEqual(['c', 'a']);
    const unioned = apply(live(), { metadata: { finalizers: ['b', 'c'] } });
    expect(unioned.metadata.finalizers).toEqual(['a', 'b', 'c']);
  });

  it('drops rollingUpdate when $retainKeys switches the Deployment strategy to Recreate', () => {
    const out = apply(live(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    const merged = apply(live(), { spec: { strategy: { type: 'Recreate' } } });
    expect(merged.spec.strategy).toEqual({ type: 'Recreate', rollingUpdate: { maxSurge: 1 } });
  });

  it('behaves like a JSON merge patch where no schema is known', () => {
    const out = applyStrategicMergePatch(
      { a: { b: 1, c: [1, 2], e: 'x' } },
      { a: { c: [3], d: null, e: null }, f: { g: null, h: 1 } },
      undefined,
    );
    expect(out).toEqual({ a: { b: 1, c: [3] }, f: { h: 1 } });
    // Without a schema even containers are replaced wholesale, as in a JSON merge patch.
    const pod = applyStrategicMergePatch(live(), podPatch({ containers: [{ name: 'app', image: 'app:2' }] }), undefined);
    expect(podSpecOf(pod).containers).toEqual([{ name: 'app', image: 'app:2' }]);
  });

  it('never stores directive keys, not even in values the live object lacked', () => {
    const base = { spec: { template: { spec: { containers: [{ name: 'app' }] } } } };
    const out = patchPod({ volumes: [{ name: 'v', $retainKeys: ['name'] }], tolerations: [{ key: 'k' }, { $patch: 'delete' }] }, base);
    expect(podSpecOf(out)).toEqual({ containers: [{ name: 'app' }], volumes: [{ name: 'v' }], tolerations: [{ key: 'k' }] });
    expect(JSON.stringify(out)).not.toContain('$');
  });

  it('never mutates its inputs', () => {
    const original = live();
    const patch = podPatch({
      '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }],
      containers: [{ name: 'app', image: 'app:9', env: [{ name: 'A', $patch: 'delete' }] }],
    });
    const before = JSON.stringify([original, patch]);
    const out = apply(original, patch);
    expect(JSON.stringify([original, patch])).toBe(before);
    out.spec.template.spec.containers[0].image = 'changed';
    expect(JSON.stringify([original, patch])).toBe(before);
  });

  it('keeps a __proto__ key from the wire as data', () => {
    const out = apply(live(), JSON.parse('{"metadata":{"labels":{"__proto__":{"polluted":"yes"}}}}') as Obj);
    expect(Object.keys(out.metadata.labels)).toEqual(['app', 'tier', '__proto__']);
    expect(out.metadata.labels.polluted).toBeUndefined();
  });
});

describe('strategic merge patch: malformed patches', () => {
  const fails = (patch: Obj): StrategicMergePatchError => {
    try {
      applyStrategicMergePatch(live(), patch, schema);
    } catch (e) {
      expect(e).toBeInstanceOf(StrategicMergePatchError);
      return e as StrategicMergePatchError;
    }
    throw new Error('the patch was accepted');
  };

  it('rejects an unknown $patch value on a map or a list item', () => {
    expect(fails({ metadata: { labels: { $patch: 'explode' } } }).message).toBe('unknown patch type: explode in map: map[$patch:explode]');
    expect(fails(podPatch({ containers: [{ name: 'app', $patch: 'foo' }] })).message).toBe(
      'unknown patch type: foo in map: map[$patch:foo name:app]',
    );
    expect(fails(podPatch({ containers: [{ name: 'app', $patch: 'merge' }] })).message).toBe(
      'merging lists cannot yet be specified in the patch',
    );
  });

  it('rejects merge-list items without the merge key, deletes included', () => {
    expect(fails(podPatch({ containers: [{ image: 'x' }] })).message).toBe('map: map[image:x] does not contain declared merge key: name');
    expect(fails(podPatch({ containers: [{ $patch: 'delete' }] })).message).toBe(
      'map: map[$patch:delete] does not contain declared merge key: name',
    );
  });

  it('rejects a merge-key list item that is not a map', () => {
    expect(fails(podPatch({ containers: ['app'] })).message).toMatch(/^list element types are not identical/);
  });

  it('rejects malformed $setElementOrder, $retainKeys and $deleteFromPrimitiveList directives', () => {
    expect(fails(podPatch({ '$setElementOrder/containers': { name: 'app' } })).message).toBe(
      'expected a []interface {}, but received a map[string]interface {}',
    );
    const retain = fails({ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: {} } } });
    expect([retain.message, retain.code]).toEqual(['invalid patch format of retainKeys', 400]);
    expect(fails({ metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } }).code).toBe(400);
  });

  it('rejects a patch that deletes the whole object', () => {
    expect(fails({ $patch: 'delete' }).message).toMatch(/deletes the whole object/);
  });
});
