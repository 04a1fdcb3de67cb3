import {
  compareObjects,
  fieldSetOf,
  FieldPathError,
  fieldsV1ToSet,
  FieldSet,
  fieldToken,
  keyToken,
  pathToString,
  setToFieldsV1,
  valueToken,
} from './managed-fields';
import { deployment, deploymentSchema } from './server-side-apply.fixture';

const f = fieldToken;

describe('fieldsV1', () => {
  // What kube-apiserver stores after `kubectl apply --server-side` of a small Deployment.
  const applied = {
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
  };

  it('round-trips, keeping kube-apiserver key order', () => {
    const set = fieldsV1ToSet(applied);
    expect(JSON.stringify(setToFieldsV1(set))).toBe(JSON.stringify(applied));
  });

  it('reads `.` as the item itself and {} as a leaf', () => {
    const set = fieldsV1ToSet(applied);
    const web = [f('spec'), f('template'), f('spec'), f('containers'), 'k:{"name":"web"}'];
    expect(set.has(web)).toBe(true);
    expect(set.has([...web, f('image')])).toBe(true);
    expect(set.has([f('spec'), f('template')])).toBe(false);
    expect(set.paths().map(pathToString)).toEqual([
      '.metadata.labels.app',
      '.spec.replicas',
      '.spec.selector',
      '.spec.template.metadata.labels.app',
      '.spec.template.spec.containers[name="web"]',
      '.spec.template.spec.containers[name="web"].image',
      '.spec.template.spec.containers[name="web"].name',
      '.spec.template.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]',
      '.spec.template.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"].containerPort',
    ]);
  });

  it('canonicalises key fields into name order, as upstream serialises them', () => {
    const set = fieldsV1ToSet({ 'f:ports': { 'k:{"protocol":"TCP","containerPort":80}': {} } });
    expect(setToFieldsV1(set)).toEqual({ 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': {} } });
    expect(keyToken({ protocol: 'UDP', containerPort: 53 })).toBe('k:{"containerPort":53,"protocol":"UDP"}');
  });

  it('orders fields before keys before values', () => {
    const set = FieldSet.of([valueToken('b')], [valueToken('a')], ['k:{"name":"x"}'], [f('z')], [f('a')]);
    expect(Object.keys(set.toFieldsV1())).toEqual(['f:a', 'f:z', 'k:{"name":"x"}', 'v:"a"', 'v:"b"']);
  });

  it('rejects malformed fieldsV1', () => {
    expect(() => fieldsV1ToSet({ 'x:foo': {} })).toThrow('invalid path element');
    expect(() => fieldsV1ToSet({ 'f:a': 1 })).toThrow();
  });
});

describe('set operations', () => {
  const a = FieldSet.of([f('spec'), f('replicas')], [f('spec'), f('template'), f('x')], [f('metadata'), f('labels'), f('app')]);
  const b = FieldSet.of([f('spec'), f('replicas')], [f('metadata'), f('labels'), f('team')]);

  it('union, intersection and difference work on exact paths', () => {
    expect(a.union(b).paths().map(pathToString)).toEqual([
      '.metadata.labels.app',
      '.metadata.labels.team',
      '.spec.replicas',
      '.spec.template.x',
    ]);
    expect(a.intersection(b).paths().map(pathToString)).toEqual(['.spec.replicas']);
    expect(a.difference(b).paths().map(pathToString)).toEqual(['.metadata.labels.app', '.spec.template.x']);
    expect(a.difference(a).isEmpty()).toBe(true);
  });

  it('recursive difference also drops everything below a removed member', () => {
    expect(a.recursiveDifference(FieldSet.of([f('spec')])).paths().map(pathToString)).toEqual(['.metadata.labels.app']);
    expect(a.difference(FieldSet.of([f('spec')])).paths()).toHaveLength(3);
  });
});

describe('fieldSetOf', () => {
  it('lists what an applied Deployment sets, as fieldsV1', () => {
    const obj = deployment({}, { finalizers: ['example.com/keep'] });
    expect(fieldSetOf(obj, deploymentSchema).toFieldsV1()).toEqual({
      'f:apiVersion': {},
      'f:kind': {},
      'f:metadata': {
        'f:finalizers': { 'v:"example.com/keep"': {} },
        'f:labels': { 'f:app': {} },
        'f:name': {},
        'f:namespace': {},
      },
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
    });
  });

  it('owns empty and null named fields themselves', () => {
    const set = fieldSetOf({ metadata: { labels: {} }, spec: { replicas: null } }, deploymentSchema);
    expect(set.toFieldsV1()).toEqual({ 'f:metadata': { 'f:labels': {} }, 'f:spec': { 'f:replicas': {} } });
  });

  it('treats unknown fields as granular maps and atomic lists', () => {
    const set = fieldSetOf({ spec: { foo: { bar: 1 }, list: [1, 2] } }, undefined);
    expect(set.toFieldsV1()).toEqual({ 'f:spec': { '.': {}, 'f:foo': { '.': {}, 'f:bar': {} }, 'f:list': {} } });
  });

  it('fails like kube-apiserver on an associative list item without its key', () => {
    const obj = deployment({ template: { spec: { containers: [{ image: 'nginx' }] } } });
    expect(() => fieldSetOf(obj, deploymentSchema)).toThrow(FieldPathError);
    expect(() => fieldSetOf(obj, deploymentSchema)).toThrow(
      '.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });

  it('rejects duplicate items in an applied associative list', () => {
    const obj = deployment({ template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } });
    expect(() => fieldSetOf(obj, deploymentSchema)).toThrow('.spec.template.spec.containers: duplicate entries for key [name="a"]');
  });
});

describe('compareObjects', () => {
  it('marks a map or item that appears as added itself, besides its fields', () => {
    const before = { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }] } } } };
    const after = {
      metadata: { labels: { app: 'a' } },
      spec: { template: { spec: { containers: [{ name: 'a', image: 'y' }, { name: 'b', image: 'z' }] } } },
    };
    const c = compareObjects(before, after, deploymentSchema);
    expect(c.added.paths().map(pathToString)).toEqual([
      '.metadata',
      '.metadata.labels',
      '.metadata.labels.app',
      '.spec.template.spec.containers[name="b"]',
      '.spec.template.spec.containers[name="b"].image',
      '.spec.template.spec.containers[name="b"].name',
    ]);
    expect(c.modified.paths().map(pathToString)).toEqual(['.spec.template.spec.containers[name="a"].image']);
    expect(compareObjects(after, before, deploymentSchema).removed.has([f('metadata'), f('labels')])).toBe(true);
  });

  it('compares atomic values whole', () => {
    const c = compareObjects({ spec: { selector: { matchLabels: { a: '1' } } } }, { spec: { selector: { matchLabels: { a: '2' } } } }, deploymentSchema);
    expect(c.modified.paths().map(pathToString)).toEqual(['.spec.selector']);
  });
});
