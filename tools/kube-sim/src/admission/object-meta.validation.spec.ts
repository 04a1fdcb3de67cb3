import { KubeSim, startKubeSim } from '../kube-sim';

// Over-long names and label values are refused with one cause per failed rule, as apimachinery's
// validators word them; the texts are what a real v1.20.2 kube-apiserver answered.
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'object-meta', tls: false, auth: false, kubeVersion: '1.20' });
});
afterAll(() => sim.stop());

async function post(path: string, body: object): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

function invalid(kind: string, name: string, causes: Array<[field: string, message: string]>) {
  const list = causes.map(([f, m]) => `${f}: ${m}`);
  return {
    status: 422,
    json: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `${kind} "${name}" is invalid: ${list.length === 1 ? list[0] : `[${list.join(', ')}]`}`,
      reason: 'Invalid',
      details: { name, kind, causes: causes.map(([field, message]) => ({ reason: 'FieldValueInvalid', message, field })) },
      code: 422,
    },
  };
}

describe('metadata length limits', () => {
  it('refuses a ConfigMap name of 254 characters with the length rule alone', async () => {
    const name = 'a'.repeat(254);
    expect(await post('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } })).toEqual(
      invalid('ConfigMap', name, [['metadata.name', `Invalid value: "${name}": must be no more than 253 characters`]]),
    );
  });

  it('refuses a Service name of 64 characters (Service names are DNS-1035 labels)', async () => {
    const name = 's'.repeat(64);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }] } };
    expect(await post('/api/v1/namespaces/default/services', service)).toEqual(invalid('Service', name, [['metadata.name', `Invalid value: "${name}": must be no more than 63 characters`]]));
  });

  it('refuses a Service name that starts with a digit as a DNS-1035 label', async () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } };
    expect(await post('/api/v1/namespaces/default/services', service)).toEqual(
      invalid('Service', '1web', [
        [
          'metadata.name',
          `Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
        ],
      ]),
    );
  });

  it('refuses a label value of 64 characters', async () => {
    const value = 'v'.repeat(64);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'lv', labels: { app: value } } };
    expect(await post('/api/v1/namespaces/default/configmaps', cm)).toEqual(
      invalid('ConfigMap', 'lv', [['metadata.labels', `Invalid value: "${value}": must be no more than 63 characters`]]),
    );
  });

  it('refuses a label key whose name part is too long and malformed, one cause per rule', async () => {
    const key = `${'k'.repeat(63)}-`;
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'lk', labels: { [key]: 'x' } } };
    expect(await post('/api/v1/namespaces/default/configmaps', cm)).toEqual(
      invalid('ConfigMap', 'lk', [
        ['metadata.labels', `Invalid value: "${key}": name part must be no more than 63 characters`],
        [
          'metadata.labels',
          `Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
        ],
      ]),
    );
  });

  it('words a malformed name as a lowercase RFC 1123 subdomain', async () => {
    expect(await post('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } })).toEqual(
      invalid('ConfigMap', 'Bad_Name', [
        [
          'metadata.name',
          `Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        ],
      ]),
    );
  });

  it('refuses a Namespace name over 63 characters (Namespace names are DNS-1123 labels)', async () => {
    const name = `diff-${'n'.repeat(60)}`;
    expect(await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })).toEqual(
      invalid('Namespace', name, [['metadata.name', `Invalid value: "${name}": must be no more than 63 characters`]]),
    );
  });
});
