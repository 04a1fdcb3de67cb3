import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { StatusError } from '../api/status-error';
import { KubeSim, startKubeSim } from '../kube-sim';
import { KubeObject } from '../store/kube-object';

// `required` in a CRD's structural schema, enforced on create and update as kube-apiserver does:
// 422 Invalid, `<Kind>.<group> "<name>" is invalid: <path>: Required value`, at the root too, inside
// subtrees that keep unknown fields, and after non-nullable nulls are dropped (so `null` is missing).
const CRDS = join(__dirname, '..', '..', '..', '..', 'charts', 'flotilla', 'crds');
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'schema-required', tls: false, auth: false });
  for (const file of ['applications.argoproj.io.yaml', 'applicationsets.argoproj.io.yaml']) {
    sim.cluster.api.create(sim.cluster.resource('apiextensions.k8s.io', 'customresourcedefinitions'), '', parse(readFileSync(join(CRDS, file), 'utf8')) as KubeObject);
  }
  const deadline = Date.now() + 5000;
  while (!sim.cluster.registry.lookup('argoproj.io', 'v1alpha1', 'applicationsets')) {
    if (Date.now() > deadline) throw new Error('the CRDs were not served');
    await new Promise((r) => setTimeout(r, 10));
  }
});
afterAll(() => sim.stop());

const apps = () => sim.cluster.resource('argoproj.io', 'applications');
const app = (name: string, spec?: object): KubeObject => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name }, ...(spec ? { spec } : {}) });
const source = { repoURL: 'https://example.com/repo.git', path: 'guestbook' };
const destination = { server: 'https://kubernetes.default.svc', namespace: 'guestbook' };

function refusal(write: () => unknown): { code: number; reason: string; message: string } | undefined {
  try {
    write();
    return undefined;
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    return { code: err.code, reason: err.reason, message: err.message };
  }
}

describe('required fields of a custom resource', () => {
  it.each([
    ['no spec', app('a'), 'Application.argoproj.io "a" is invalid: spec: Required value'],
    ['no destination', app('a', { project: 'default', source }), 'Application.argoproj.io "a" is invalid: spec.destination: Required value'],
    ['a null destination', app('a', { project: 'default', source, destination: null }), 'Application.argoproj.io "a" is invalid: spec.destination: Required value'],
    ['neither', app('a', { source }), 'Application.argoproj.io "a" is invalid: [spec.destination: Required value, spec.project: Required value]'],
    ['no repoURL in a list item', app('a', { project: 'default', destination, sources: [source, { path: 'x' }] }), 'Application.argoproj.io "a" is invalid: spec.sources[1].repoURL: Required value'],
  ])('refuses to create an Application with %s', (_, obj, message) => {
    expect(refusal(() => sim.cluster.api.create(apps(), 'default', obj))).toEqual({ code: 422, reason: 'Invalid', message });
  });

  it('checks required fields inside a subtree that keeps unknown fields (an ApplicationSet template)', () => {
    const appset = { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'set' }, spec: { generators: [{ list: { elements: [] } }], template: { metadata: { name: '{{name}}' }, spec: { project: 'default', source } } } };
    expect(refusal(() => sim.cluster.api.create(sim.cluster.resource('argoproj.io', 'applicationsets'), 'default', appset))?.message).toBe(
      'ApplicationSet.argoproj.io "set" is invalid: spec.template.spec.destination: Required value',
    );
  });

  it('accepts a complete Application and refuses an update that drops a required field', () => {
    const created = sim.cluster.api.create(apps(), 'default', app('ok', { project: 'default', source, destination }));
    const spec = created.spec as Record<string, unknown>;
    const { destination: _dropped, ...rest } = spec;
    expect(refusal(() => sim.cluster.api.update(apps(), 'default', 'ok', { ...created, spec: rest }, {}))).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'Application.argoproj.io "ok" is invalid: spec.destination: Required value',
    });
  });
});
