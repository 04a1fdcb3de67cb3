import * as grpc from '@grpc/grpc-js';
import type { ApplicationSource, KubeObject, Repository } from '@flotilla/api-types';
import { contracts, toJsonObject } from '@flotilla/contracts';
import { tracingClientInterceptor } from '@flotilla/platform';
import type { RepoServerServiceClient } from '@flotilla/contracts';
import { repoServerChannelOptions } from './repo-server-channel.config';

export interface GenerateManifestInput {
  repo: Repository;
  source: ApplicationSource;
  /** Overrides source.targetRevision. */
  revision?: string;
  appName?: string;
  namespace?: string;
  noCache?: boolean;
  noRevisionCache?: boolean;
  kubeVersion?: string;
  apiVersions?: string[];
  projectName?: string;
  /** Multi-source: `ref` alias → the repository and revision `$alias/…` value files come from. */
  refSources?: Record<string, { repo: Repository; targetRevision?: string }>;
  /** The app's manifest-generate-paths annotation, as written. */
  manifestGeneratePaths?: string;
  /** Ask for the GnuPG verification of the revision (the app's project has signatureKeys). */
  verifySignature?: boolean;
}

export interface GeneratedManifests {
  manifests: KubeObject[];
  revision: string;
  sourceType: string;
  fromCache: boolean;
  /** Git could not be reached and these are the last good manifests: why, and from which commit. */
  staleReason?: string;
  /** The earlier commit whose render was reused (nothing under manifest-generate-paths changed). */
  reusedFrom?: string;
  /** With verifySignature: git's raw verification status lines, empty for an unsigned revision. */
  verifyResult?: string;
}

/** A repo-server answer that was an error: the gRPC code and the server's message. */
export class RepoServerError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
  }
}

export interface RepoServerClientOptions {
  /** Per-call deadline; rendering a big repository can take a while. */
  deadlineMs?: number;
  /** Run after the trace interceptor every call has (the caller's W3C traceparent goes into the metadata). */
  interceptors?: grpc.Interceptor[];
}

/** Promise-based, typed access to repo-server's internal gRPC API. */
export class RepoServerClient {
  private readonly client: RepoServerServiceClient;
  private readonly deadlineMs: number;

  /** `target`: host:port, dns:///host:port (round robin over every address) or ipv4:host:port,host:port. */
  constructor(target: string, opts: RepoServerClientOptions = {}) {
    const Ctor = contracts().repository.RepoServerService;
    this.client = new Ctor(target, grpc.credentials.createInsecure(), {
      // Every caller (api-server, app-controller, appset-controller) carries its trace context the same way.
      interceptors: [tracingClientInterceptor(), ...(opts.interceptors ?? [])],
      ...repoServerChannelOptions(),
    });
    this.deadlineMs = opts.deadlineMs ?? 120_000;
  }

  async generateManifest(input: GenerateManifestInput): Promise<GeneratedManifests> {
    const res = await this.call('GenerateManifest', {
      repo: toJsonObject(input.repo),
      applicationSource: toJsonObject(input.source),
      revision: input.revision ?? '',
      appName: input.appName ?? '',
      namespace: input.namespace ?? '',
      noCache: !!input.noCache,
      noRevisionCache: !!input.noRevisionCache,
      kubeVersion: input.kubeVersion ?? '',
      apiVersions: input.apiVersions ?? [],
      projectName: input.projectName ?? '',
      refSources: Object.fromEntries(Object.entries(input.refSources ?? {}).map(([alias, ref]) => [alias, toJsonObject(ref)])),
      manifestGeneratePaths: input.manifestGeneratePaths ?? '',
      verifySignature: !!input.verifySignature,
    });
    return {
      manifests: res.manifests.map((m) => JSON.parse(m) as KubeObject),
      revision: res.revision,
      sourceType: res.sourceType,
      fromCache: res.fromCache,
      staleReason: res.staleReason || undefined,
      reusedFrom: res.reusedFrom || undefined,
      verifyResult: res.verifyResult,
    };
  }

  async resolveRevision(repo: Repository, revision: string): Promise<string> {
    return (await this.call('ResolveRevision', { repo: toJsonObject(repo), ambiguousRevision: revision })).revision;
  }

  async appDetails(repo: Repository, source: ApplicationSource, noCache = false): Promise<{ type: string; details: Record<string, unknown> }> {
    const res = await this.call('GetAppDetails', { repo: toJsonObject(repo), source: toJsonObject(source), noCache });
    return { type: res.type, details: res.details?.json ? (JSON.parse(res.details.json) as Record<string, unknown>) : {} };
  }

  async listRefs(repo: Repository): Promise<{ branches: string[]; tags: string[] }> {
    const res = await this.call('ListRefs', { repo: toJsonObject(repo) });
    return { branches: res.branches, tags: res.tags };
  }

  /** Argo's ListApps: path → Helm or Kustomize for each application directory at the revision (HEAD when empty). */
  async listApps(repo: Repository, revision: string): Promise<Record<string, string>> {
    return (await this.call('ListApps', { repo: toJsonObject(repo), revision })).apps;
  }

  async gitFiles(repo: Repository, revision: string, path: string, opts: { globstar?: boolean; noRevisionCache?: boolean } = {}): Promise<Map<string, Buffer>> {
    const res = await this.call('GetGitFiles', { repo: toJsonObject(repo), revision, path, newGitFileGlobbingEnabled: !!opts.globstar, noRevisionCache: !!opts.noRevisionCache });
    return new Map(Object.entries(res.map));
  }

  async gitDirectories(repo: Repository, revision: string, noRevisionCache = false): Promise<string[]> {
    return (await this.call('GetGitDirectories', { repo: toJsonObject(repo), revision, noRevisionCache })).paths;
  }

  /** Author, date, message, tags (and with checkSignature, signatureInfo) of a commit, as Argo's RevisionMetadata JSON. */
  async revisionMetadata(repo: Repository, revision: string, checkSignature = false): Promise<Record<string, unknown>> {
    const res = await this.call('GetRevisionMetadata', { repo: toJsonObject(repo), revision, checkSignature });
    return res.json ? (JSON.parse(res.json) as Record<string, unknown>) : {};
  }

  close(): void {
    this.client.close();
  }

  private async call<M extends RepoServerMethod>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    const deadline = new Date(Date.now() + this.deadlineMs);
    // The channel's retry policy covers a replica lost before it answered; gRPC cannot retry one lost
    // after its answer began (headers and message sent, trailers cut by the kill), so that is retried
    // here, once, on the next replica. Every method only reads and renders: running it twice is harmless.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(method, request, deadline);
      } catch (err) {
        const e = err as grpc.ServiceError;
        if (attempt >= CALL_ATTEMPTS || !replicaLost(e) || Date.now() >= deadline.getTime()) throw new RepoServerError(e.code, e.details || e.message);
      }
    }
  }

  private attempt<M extends RepoServerMethod>(method: M, request: RequestOf<M>, deadline: Date): Promise<ResponseOf<M>> {
    return new Promise((resolve, reject) => {
      const fn = this.client[method] as unknown as (req: RequestOf<M>, meta: grpc.Metadata, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: ResponseOf<M>) => void) => void;
      fn.call(this.client, request, new grpc.Metadata(), { deadline }, (err, res) => {
        if (err) reject(err);
        else resolve(res!);
      });
    });
  }
}

/** UNAVAILABLE from the connection, not repo-server's verdict on a repository (which says not to retry, gRFC A6 pushback). */
const replicaLost = (err: grpc.ServiceError): boolean => err.code === grpc.status.UNAVAILABLE && !err.metadata?.get('grpc-retry-pushback-ms').length;

const CALL_ATTEMPTS = 2;
type RepoServerMethod = 'GenerateManifest' | 'ResolveRevision' | 'GetAppDetails' | 'ListRefs' | 'ListApps' | 'GetGitFiles' | 'GetGitDirectories' | 'GetRevisionMetadata';
type Callback<T> = (err: grpc.ServiceError | null, value?: T) => void;
type RequestOf<M extends RepoServerMethod> = RepoServerServiceClient[M] extends (req: infer Req, cb: Callback<infer _R>) => grpc.ClientUnaryCall ? Req : never;
type ResponseOf<M extends RepoServerMethod> = RepoServerServiceClient[M] extends (req: infer _Req, cb: Callback<infer Res>) => grpc.ClientUnaryCall ? Res : never;
