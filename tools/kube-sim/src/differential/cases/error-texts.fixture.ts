import { dropNamespace, freshNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { Observation, statusOf } from '../observation.harness';

const labels = { app: 'e' };
const container = { name: 'c', image: 'localhost/node-base:20', imagePullPolicy: 'Never' };

export const errorTextsCase: DifferentialCase = {
  name: 'validation and decoding errors carry the code, reason and message of the server version',
  timeoutMs: 60_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-errors');
    const api = `/api/v1/namespaces/${ns}`;
    const post = async (path: string, body: unknown): Promise<Observation> => statusOf(await t.request('POST', path, { body }));
    try {
      return {
        configMapNameTooLong: await post(`${api}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a'.repeat(254) } }),
        configMapNameInvalid: await post(`${api}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }),
        namespaceNameTooLong: await post('/api/v1/namespaces', {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: `diff-${'n'.repeat(60)}` },
        }),
        serviceNameTooLong: await post(`${api}/services`, {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 's'.repeat(64) },
          spec: { ports: [{ port: 80 }] },
        }),
        secretBadBase64: await post(`${api}/secrets`, {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'bad' },
          data: { password: 'not base64!' },
        }),
        deploymentReplicasString: await post(`/apis/apps/v1/namespaces/${ns}/deployments`, {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'bad' },
          spec: {
            replicas: 'two',
            selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { containers: [container] } },
          },
        }),
        malformedJson: await post(`${api}/configmaps`, '{"apiVersion": "v1", "kind": "ConfigMap", '),
      };
    } finally {
      await dropNamespace(t, ns);
    }
  },
};
