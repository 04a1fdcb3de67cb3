import { KubeSim, startKubeSim } from '../kube-sim';

// A body a built-in kind's Go type cannot be decoded from is refused with 400 before any
// validation, in the words of the decoder of that minor: json-iterator on 1.20, which quotes the
// bytes around where it stopped, and encoding/json (sigs.k8s.io/json) on 1.32. The 1.20 texts are
// what a real v1.20.2 kube-apiserver answered to these exact bodies.
let v20: KubeSim;
let v32: KubeSim;

beforeAll(async () => {
  v20 = await startKubeSim({ name: 'decode-1-20', tls: false, auth: false, kubeVersion: '1.20' });
  v32 = await startKubeSim({ name: 'decode-1-32', tls: false, auth: false });
});
afterAll(() => Promise.all([v20.stop(), v32.stop()]));

async function post(sim: KubeSim, path: string, body: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { status: res.status, json: await res.json() };
}

const badRequest = (message: string) => ({
  status: 400,
  json: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 },
});

const SECRET = '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"b64"},"data":{"k":"abc!def"}}';
const DEPLOYMENT =
  '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":"two","selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}';
const LABEL_LIST = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ll","labels":["a","b"]}}';
const CONTAINER_PORT =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i","ports":[{"containerPort":"http"}]}]}}';

describe('bodies a built-in type cannot be decoded from', () => {
  it.each([
    [
      'a Secret whose data is not base64',
      '/api/v1/namespaces/default/secrets',
      SECRET,
      'Secret in version "v1" cannot be handled as a Secret: v1.Secret.Data: decode base64: illegal base64 data at input byte 3, error found in #10 byte of ...|:"abc!def"}}|..., bigger context ...|t","metadata":{"name":"b64"},"data":{"k":"abc!def"}}|...',
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    ],
    [
      'a Deployment with replicas "two"',
      '/apis/apps/v1/namespaces/default/deployments',
      DEPLOYMENT,
      'Deployment in version "v1" cannot be handled as a Deployment: v1.Deployment.Spec: v1.DeploymentSpec.Replicas: readUint32: unexpected character: \ufffd, error found in #10 byte of ...|eplicas":"two","sele|..., bigger context ...|ment","metadata":{"name":"d"},"spec":{"replicas":"two","selector":{"matchLabels":{"a":"b"}},"templat|...',
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'labels given as a list',
      '/api/v1/namespaces/default/configmaps',
      LABEL_LIST,
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: v1.ConfigMap.ObjectMeta: v1.ObjectMeta.Labels: ReadMapCB: expect { or n, but found [, error found in #10 byte of ...|"labels":["a","b"]}}|..., bigger context ...|nd":"ConfigMap","metadata":{"name":"ll","labels":["a","b"]}}|...',
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    ],
    [
      'a named containerPort',
      '/api/v1/namespaces/default/pods',
      CONTAINER_PORT,
      'Pod in version "v1" cannot be handled as a Pod: v1.Pod.Spec: v1.PodSpec.Containers: []v1.Container: v1.Container.Ports: []v1.ContainerPort: v1.ContainerPort.ContainerPort: readUint32: unexpected character: \ufffd, error found in #10 byte of ...|nerPort":"http"}]}]}|..., bigger context ...|"name":"c","image":"i","ports":[{"containerPort":"http"}]}]}}|...',
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
  ])('refuses %s', async (_, path, body, on120, on132) => {
    expect(await post(v20, path, body)).toEqual(badRequest(on120));
    expect(await post(v32, path, body)).toEqual(badRequest(on132));
  });

  it.each([
    [
      'a label value that is a number',
      '/api/v1/namespaces/default/configmaps',
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"n","labels":{"a":1}}}',
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: v1.ConfigMap.ObjectMeta: v1.ObjectMeta.Labels: ReadString: expects " or n, but found 1, error found in #10 byte of ...|ls":{"a":1}}}|..., bigger context ...|"ConfigMap","metadata":{"name":"n","labels":{"a":1}}}|...',
    ],
    [
      'a bool given as a string',
      '/api/v1/namespaces/default/pods',
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"hostNetwork":"yes","containers":[{"name":"c","image":"i"}]}}',
      'Pod in version "v1" cannot be handled as a Pod: v1.Pod.Spec: v1.PodSpec.HostNetwork: ReadBool: expect t or f, but found ", error found in #10 byte of ...|Network":"yes","cont|..., bigger context ...|d","metadata":{"name":"p"},"spec":{"hostNetwork":"yes","containers":[{"name":"c","image":"i"}]}}|...',
    ],
    [
      'a list given as an object',
      '/api/v1/namespaces/default/pods',
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":{"name":"c","image":"i"}}}',
      'Pod in version "v1" cannot be handled as a Pod: v1.Pod.Spec: v1.PodSpec.Containers: []v1.Container: decode slice: expect [ or n, but found {, error found in #10 byte of ...|tainers":{"name":"c"|..., bigger context ...|od","metadata":{"name":"p"},"spec":{"containers":{"name":"c","image":"i"}}}|...',
    ],
    [
      'a struct given as a string',
      '/apis/apps/v1/namespaces/default/deployments',
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":"nope"}',
      'Deployment in version "v1" cannot be handled as a Deployment: v1.Deployment.Spec: readObjectStart: expect { or n, but found ", error found in #10 byte of ...|},"spec":"nope"}|..., bigger context ...|ind":"Deployment","metadata":{"name":"d"},"spec":"nope"}|...',
    ],
    [
      'Secret data given as a number',
      '/api/v1/namespaces/default/secrets',
      '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":5}}',
      'Secret in version "v1" cannot be handled as a Secret: v1.Secret.Data: base64Codec: invalid input, error found in #10 byte of ...|ata":{"k":5}}|..., bigger context ...|ind":"Secret","metadata":{"name":"s"},"data":{"k":5}}|...',
    ],
  ])('words %s as json-iterator does on 1.20', async (_, path, body, message) => {
    expect(await post(v20, path, body)).toEqual(badRequest(message));
  });

  it('counts the quoted window in bytes, as json-iterator does, past non-ASCII text', async () => {
    const body = '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"u","annotations":{"a":"café"}},"data":{"k":"abc!"}}';
    expect((await post(v20, '/api/v1/namespaces/default/secrets', body)).json.message).toBe(
      'Secret in version "v1" cannot be handled as a Secret: v1.Secret.Data: decode base64: illegal base64 data at input byte 3, error found in #10 byte of ...|"k":"abc!"}}|..., bigger context ...|u","annotations":{"a":"café"}},"data":{"k":"abc!"}}|...',
    );
  });

  it('quotes YAML bodies as Go re-marshals them, keys sorted', async () => {
    const res = await fetch(`${v20.url}/api/v1/namespaces/default/configmaps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml' },
      body: 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: cm\n  labels: [a]\n',
    });
    expect(((await res.json()) as { message: string }).message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: v1.ConfigMap.ObjectMeta: v1.ObjectMeta.Labels: ReadMapCB: expect { or n, but found [, error found in #10 byte of ...|"labels":["a"],"name|..., bigger context ...|on":"v1","kind":"ConfigMap","metadata":{"labels":["a"],"name":"cm"}}|...',
    );
  });
});
