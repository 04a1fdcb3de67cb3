import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { join } from 'node:path';
import { ApiServerHarness, startApiServer } from '../testing/api-server.harness';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FileDescriptorProto } = require('protobufjs/ext/descriptor') as {
  FileDescriptorProto: { decode(b: Uint8Array): DecodedFile };
};

interface DecodedFile {
  name: string;
  package: string;
  dependency: string[];
  messageType: { name: string }[];
  service: { name: string; method: { name: string }[] }[];
}

type Reflection = grpc.Client & { ServerReflectionInfo(metadata: grpc.Metadata): grpc.ClientDuplexStream<unknown, any> };

/** A generic client's view: the reflection proto as gRPC publishes it, nothing from Flotilla's contracts. */
function reflectionClient(address: string, version: 'v1' | 'v1alpha'): Reflection {
  const proto = join(
    require.resolve('@grpc/reflection/package.json'),
    '..',
    'build',
    'proto',
    'grpc',
    'reflection',
    version,
    'reflection.proto',
  );
  const pkg = grpc.loadPackageDefinition(
    protoLoader.loadSync(proto, { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true }),
  ) as any;
  const Ctor = pkg.grpc.reflection[version].ServerReflection as new (a: string, c: grpc.ChannelCredentials) => Reflection;
  return new Ctor(address, grpc.credentials.createInsecure());
}

function ask(client: Reflection, metadata: grpc.Metadata, request: Record<string, unknown>): Promise<any> {
  return new Promise((resolve, reject) => {
    const stream = client.ServerReflectionInfo(metadata);
    stream.on('data', (res) => {
      resolve(res);
      stream.end();
    });
    stream.on('error', reject);
    stream.write(request);
  });
}

describe('gRPC server reflection (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;
  let v1: Reflection;
  let v1alpha: Reflection;
  const auth = () => {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${api.token}`);
    return md;
  };

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
    v1 = reflectionClient(api.address, 'v1');
    v1alpha = reflectionClient(api.address, 'v1alpha');
  }, 90_000);

  afterAll(async () => {
    v1?.close();
    v1alpha?.close();
    await api?.stop();
  });

  it('lists the services the api-server serves, and not repo-server’s', async () => {
    for (const client of [v1, v1alpha]) {
      const res = await ask(client, auth(), { listServices: '' });
      const names = res.listServicesResponse.service.map((s: { name: string }) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'application.ApplicationService',
          'applicationset.ApplicationSetService',
          'cluster.ClusterService',
          'cluster.SettingsService',
          'repository.RepositoryService',
          'repocreds.RepoCredsService',
          'session.SessionService',
          'version.VersionService',
        ]),
      );
      expect(names).not.toContain('repository.RepoServerService');
    }
  });

  it('answers the file that defines a service, with its methods, as a generic client decodes it', async () => {
    const res = await ask(v1, auth(), { fileContainingSymbol: 'cluster.ClusterService' });
    const files: DecodedFile[] = res.fileDescriptorResponse.fileDescriptorProto.map((b: Buffer) => FileDescriptorProto.decode(b));
    const cluster = files.find((f) => f.service.some((svc) => svc.name === 'ClusterService'));
    expect(cluster?.package).toBe('cluster');
    const service = cluster?.service.find((svc) => svc.name === 'ClusterService');
    expect(service?.method.map((m) => m.name)).toEqual(['List', 'Create', 'Get', 'Update', 'Delete', 'RotateAuth']);
    // The files it depends on come along and are named in its dependencies, so a client can link every message.
    const json = files.find((f) => f.package === 'flotilla');
    expect(json?.messageType.map((m) => m.name)).toEqual(expect.arrayContaining(['JsonObject', 'JsonObjectList']));
    expect(cluster?.dependency).toContain(json?.name);
  });

  it('names a symbol it does not know', async () => {
    const res = await ask(v1, auth(), { fileContainingSymbol: 'nothing.Here' });
    expect(res.errorResponse.errorCode).toBe(grpc.status.NOT_FOUND);
  });

  it('needs a session, as Argo CD’s auth interceptor covers reflection', async () => {
    await expect(ask(v1, new grpc.Metadata(), { listServices: '' })).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });
});
