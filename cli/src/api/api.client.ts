// gRPC clients for the Flotilla API server's public services, authenticated with the session token.
import * as grpc from '@grpc/grpc-js';
import type {
  AccountServiceClient,
  ApplicationServiceClient,
  ApplicationSetServiceClient,
  ClusterServiceClient,
  GPGKeyServiceClient,
  RepoCredsServiceClient,
  RepositoryServiceClient,
  SessionServiceClient,
  SettingsServiceClient,
  VersionServiceClient,
} from '@flotilla/contracts';
import { contracts } from '@flotilla/contracts';
import { CliError, describeError } from '../output/cli.error';
import type { ServerTarget } from './server-target';

type ClientCtor<T> = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => T;
// Conditional types see an overloaded method's last signature; in the generated clients that is
// `(argument, callback)`, so request and response types are read from it.
type UnaryShape = (argument: never, callback: never) => grpc.ClientUnaryCall;
type MethodName<C> = { [K in keyof C]: C[K] extends UnaryShape ? K : never }[keyof C] & string;
type RequestOf<F> = F extends (argument: infer Req, callback: never) => grpc.ClientUnaryCall ? Req : never;
type ResponseOf<F> = F extends (argument: never, callback: grpc.requestCallback<infer Res>) => grpc.ClientUnaryCall ? Res : never;
type UnaryMethod = (request: unknown, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (err: grpc.ServiceError | null, res: unknown) => void) => grpc.ClientUnaryCall;

/** A stuck server must not hold a command forever; calls that wait server-side pass their own. */
const DEFAULT_DEADLINE_MS = 30_000;

export class ApiClient {
  private readonly clients: grpc.Client[] = [];
  private readonly credentials: grpc.ChannelCredentials;

  constructor(readonly target: ServerTarget) {
    this.credentials = target.plaintext
      ? grpc.credentials.createInsecure()
      : grpc.credentials.createSsl(null, null, null, target.insecure ? { rejectUnauthorized: false, checkServerIdentity: () => undefined } : undefined);
  }

  get applications(): ApplicationServiceClient {
    return this.make(contracts().application.ApplicationService);
  }
  get applicationSets(): ApplicationSetServiceClient {
    return this.make(contracts().applicationset.ApplicationSetService);
  }
  get clusters(): ClusterServiceClient {
    return this.make(contracts().cluster.ClusterService);
  }
  get repositories(): RepositoryServiceClient {
    return this.make(contracts().repository.RepositoryService);
  }
  get repoCreds(): RepoCredsServiceClient {
    return this.make(contracts().repocreds.RepoCredsService);
  }
  get settings(): SettingsServiceClient {
    return this.make(contracts().cluster.SettingsService);
  }
  get sessions(): SessionServiceClient {
    return this.make(contracts().session.SessionService);
  }
  get accounts(): AccountServiceClient {
    return this.make(contracts().account.AccountService);
  }
  get gpgKeys(): GPGKeyServiceClient {
    return this.make(contracts().gpgkey.GPGKeyService);
  }
  get version(): VersionServiceClient {
    return this.make(contracts().version.VersionService);
  }

  /** Calls a unary method; failures become CliErrors worded like argocd's (`rpc error: code = …`). */
  async call<C extends grpc.Client, M extends MethodName<C>>(client: C, method: M, request: RequestOf<C[M]>, deadlineMs = DEFAULT_DEADLINE_MS): Promise<ResponseOf<C[M]>> {
    const fn = client[method] as unknown as UnaryMethod;
    try {
      return await new Promise<ResponseOf<C[M]>>((resolve, reject) =>
        fn.call(client, request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (err, res) => (err ? reject(err) : resolve(res as ResponseOf<C[M]>))),
      );
    } catch (err) {
      throw new ApiCallError(describeError(err, this.target.server), err);
    }
  }

  close(): void {
    for (const c of this.clients.splice(0)) c.close();
  }

  // Plain grpc-js rather than @flotilla/platform's createGrpcClient: that barrel loads Nest, BullMQ
  // and the Kubernetes client (~2 s per command), and a CLI has no trace context to propagate.
  private make<T extends grpc.Client>(Ctor: unknown): T {
    const token = this.target.authToken;
    const client = new (Ctor as ClientCtor<T>)(this.target.server, this.credentials, { interceptors: token ? [bearerToken(token)] : [] });
    this.clients.push(client);
    return client;
  }
}

/** Sends `authorization: Bearer <token>` on every call, as argocd does. */
const bearerToken =
  (token: string): grpc.Interceptor =>
  (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.set('authorization', `Bearer ${token}`);
        next(metadata, listener);
      },
    });

/** A failed call, keeping the gRPC status so callers can tell NotFound from the rest. */
export class ApiCallError extends CliError {
  readonly code?: number;
  constructor(message: string, cause: unknown) {
    super(message);
    this.code = typeof (cause as { code?: unknown })?.code === 'number' ? (cause as { code: number }).code : undefined;
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ApiCallError && err.code === grpc.status.NOT_FOUND;
