import { KubeObject } from '../../store/kube-object';
import { crdPrinter } from './crd-columns';
import { compileJsonPath, evaluateJsonPath, NOT_FOUND } from './json-path';

const now = Date.parse('2026-01-01T12:00:00Z');

function crd(versions: Array<{ name: string; additionalPrinterColumns?: object[] }>): KubeObject {
  return { metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', versions } };
}

const widget: KubeObject = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w1', creationTimestamp: '2026-01-01T11:58:55Z', labels: { 'app.kubernetes.io/name': 'shop' } },
  spec: {
    replicas: 3,
    ratio: 2.75,
    routes: [{ host: 'a.example.com' }, { host: 'b.example.com' }],
    paused: false,
    template: { image: 'nginx' },
  },
  status: {
    phase: 'Ready',
    conditions: [
      { type: 'Synced', status: 'False' },
      { type: 'Ready', status: 'True' },
    ],
    lastSync: '2026-01-01T11:00:00Z',
  },
};

const cellsOf = (columns: object[], obj: KubeObject = widget): unknown[] =>
  crdPrinter(crd([{ name: 'v1', additionalPrinterColumns: columns }]), 'v1').cells(obj, { now });

describe('custom resource tables from additionalPrinterColumns', () => {
  it('puts Name first, then the columns as declared, and appends no Age of its own', () => {
    const printer = crdPrinter(
      crd([
        {
          name: 'v1',
          additionalPrinterColumns: [
            { name: 'Phase', type: 'string', jsonPath: '.status.phase', description: 'The phase' },
            { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas', priority: 1 },
          ],
        },
      ]),
      'v1',
    );
    expect(printer.columns).toEqual([
      expect.objectContaining({ name: 'Name', type: 'string', format: 'name', priority: 0 }),
      { name: 'Phase', type: 'string', format: '', description: 'The phase', priority: 0 },
      {
        name: 'Replicas',
        type: 'integer',
        format: '',
        description: 'Custom resource definition column (in JSONPath format): .spec.replicas',
        priority: 1,
      },
    ]);
    expect(printer.cells(widget, { now })).toEqual(['w1', 'Ready', 3]);
  });

  it('serves Name and Age when the version declares no columns', () => {
    const printer = crdPrinter(crd([{ name: 'v1' }]), 'v1');
    expect(printer.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Name:string', 'Age:date']);
    expect(printer.cells(widget, { now })).toEqual(['w1', '65s']);
  });

  it('uses the columns of the version being served', () => {
    const printer = crdPrinter(
      crd([
        { name: 'v1', additionalPrinterColumns: [{ name: 'Old', type: 'string', jsonPath: '.spec.replicas' }] },
        { name: 'v2', additionalPrinterColumns: [{ name: 'New', type: 'string', jsonPath: '.status.phase' }] },
      ]),
      'v2',
    );
    expect(printer.columns.map((c) => c.name)).toEqual(['Name', 'New']);
  });

  it('sends null (kubectl prints <none>) for missing fields and values of the wrong type', () => {
    expect(
      cellsOf([
        { name: 'Missing', type: 'string', jsonPath: '.status.nothing.here' },
        { name: 'WrongType', type: 'integer', jsonPath: '.status.phase' },
        { name: 'NotBool', type: 'boolean', jsonPath: '.spec.replicas' },
      ]),
    ).toEqual(['w1', null, null, null]);
  });

  it('converts values the way kube-apiserver does for each column type', () => {
    expect(
      cellsOf([
        { name: 'Int', type: 'integer', jsonPath: '.spec.ratio' },
        { name: 'Num', type: 'number', jsonPath: '.spec.ratio' },
        { name: 'Bool', type: 'boolean', jsonPath: '.spec.paused' },
        { name: 'AsText', type: 'string', jsonPath: '.spec.replicas' },
        { name: 'Obj', type: 'string', jsonPath: '.spec.template' },
        { name: 'Synced', type: 'date', jsonPath: '.status.lastSync' },
        { name: 'BadDate', type: 'date', jsonPath: '.status.phase' },
      ]),
    ).toEqual(['w1', 2, 2.75, false, '3', '{"image":"nginx"}', '60m', '<invalid>']);
  });

  it("reads indexes, quoted keys, condition filters, and only the first of several matches, like kube's table convertor", () => {
    expect(
      cellsOf([
        { name: 'First', type: 'string', jsonPath: '.spec.routes[0].host' },
        { name: 'Last', type: 'string', jsonPath: '.spec.routes[-1].host' },
        { name: 'Any', type: 'string', jsonPath: '.spec.routes[*].host' },
        { name: 'App', type: 'string', jsonPath: ".metadata.labels['app.kubernetes.io/name']" },
        { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
        { name: 'OutOfRange', type: 'string', jsonPath: '.spec.routes[5].host' },
      ]),
    ).toEqual(['w1', 'a.example.com', 'b.example.com', 'a.example.com', 'shop', 'True', null]);
  });
});

describe('the JSONPath subset', () => {
  it('compiles the forms printer columns use and refuses the rest', () => {
    expect(compileJsonPath('.status.phase')).toEqual([
      { kind: 'field', name: 'status' },
      { kind: 'field', name: 'phase' },
    ]);
    expect(compileJsonPath('{.a[2]}')).toEqual([
      { kind: 'field', name: 'a' },
      { kind: 'index', index: 2 },
    ]);
    expect(compileJsonPath(".a['x.y'][*]")).toEqual([{ kind: 'field', name: 'a' }, { kind: 'field', name: 'x.y' }, { kind: 'all' }]);
    expect(compileJsonPath('.a..b')).toBeUndefined();
    expect(compileJsonPath('.a[1:3]')).toBeUndefined();
  });

  it('finds nothing rather than throwing on scalars and absent keys', () => {
    const steps = compileJsonPath('.spec.replicas.deeper')!;
    expect(evaluateJsonPath(widget, steps)).toBe(NOT_FOUND);
    expect(evaluateJsonPath({ spec: null }, compileJsonPath('.spec.x')!)).toBe(NOT_FOUND);
    expect(evaluateJsonPath({ spec: { x: null } }, compileJsonPath('.spec.x')!)).toBeNull();
  });
});
