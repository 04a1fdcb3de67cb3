import { dropNamespace, freshNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { Observation, statusOf } from '../observation.harness';

export const serverSideApplyCase: DifferentialCase = {
  name: 'server-side apply of a Service port without protocol answers as the server version does',
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-ssa');
    const apply = (name: string, port: object): Promise<Observation> =>
      t
        .request('PATCH', `/api/v1/namespaces/${ns}/services/${name}?fieldManager=diff&force=true`, {
          contentType: 'application/apply-patch+yaml',
          body: { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [port] } },
        })
        .then(statusOf);
    try {
      return {
        // 1.20's structured-merge-diff refuses a list-map entry missing a key without a default.
        withoutProtocol: await apply('no-protocol', { port: 80 }),
        withProtocol: await apply('with-protocol', { port: 80, protocol: 'TCP' }),
      };
    } finally {
      await dropNamespace(t, ns);
    }
  },
};
