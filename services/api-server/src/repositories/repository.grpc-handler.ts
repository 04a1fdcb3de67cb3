import * as grpc from '@grpc/grpc-js';
import type { ApplicationSource, Repository } from '@flotilla/api-types';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { RepositoryServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { RepositoryAppsService } from './repository-apps.service';
import { RepositoryService } from './repository.service';

/** The repository a RepoAccessQuery describes; fields Flotilla's repo-server has no use for are left out. */
type AccessQuery = Record<
  | 'repo'
  | 'type'
  | 'name'
  | 'project'
  | 'username'
  | 'password'
  | 'bearerToken'
  | 'sshPrivateKey'
  | 'tlsClientCertData'
  | 'tlsClientCertKey'
  | 'proxy',
  string
> &
  Record<'insecure' | 'enableOci' | 'forceHttpBasicAuth', boolean>;

function accessQueryToRepository(q: AccessQuery): Repository {
  const repo: Repository = { repo: q.repo, type: q.type === 'helm' ? 'helm' : 'git' };
  const strings = {
    name: q.name,
    project: q.project,
    username: q.username,
    password: q.password,
    bearerToken: q.bearerToken,
    sshPrivateKey: q.sshPrivateKey,
    tlsClientCertData: q.tlsClientCertData,
    tlsClientCertKey: q.tlsClientCertKey,
    proxy: q.proxy,
  };
  for (const [key, value] of Object.entries(strings)) if (value) (repo as unknown as Record<string, string>)[key] = value;
  if (q.insecure) repo.insecure = true;
  if (q.enableOci) repo.enableOCI = true;
  if (q.forceHttpBasicAuth) repo.forceHttpBasicAuth = true;
  return repo;
}

/** repository.RepositoryService over RepositoryService. */
export class RepositoryGrpcHandler implements GrpcHandler {
  readonly definition = contracts().repository.RepositoryService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly repositories: RepositoryService,
    private readonly apps: RepositoryAppsService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: RepositoryServiceHandlers = {
      List: authenticated(this.auth, async (req, ctx) => toJsonList(await this.repositories.list(ctx, req.appProject))),
      Get: authenticated(this.auth, async (req, ctx) => toJsonObject(await this.repositories.get(ctx, req.repo ?? '', req.appProject))),
      Create: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.repositories.create(ctx, fromJsonObject<Repository>(req.repo, 'repo'), !!req.upsert)),
      ),
      Delete: authenticated(this.auth, async (req, ctx) => {
        await this.repositories.delete(ctx, req.repo ?? '', req.appProject);
        return {};
      }),
      ListRefs: authenticated(this.auth, (req, ctx) => this.repositories.listRefs(ctx, req.repo ?? '', req.appProject)),
      Update: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.repositories.update(ctx, fromJsonObject<Repository>(req.repo, 'repo'))),
      ),
      ListApps: authenticated(this.auth, async (req, ctx) => ({ items: await this.apps.listApps(ctx, req) })),
      GetAppDetails: authenticated(this.auth, async (req, ctx) => {
        const source = req.source?.json ? fromJsonObject<ApplicationSource>(req.source, 'source') : undefined;
        const out = await this.apps.appDetails(ctx, { ...req, source });
        const json = (v: Record<string, unknown> | undefined) => (v ? toJsonObject(v) : null);
        return { type: out.type, helm: json(out.helm), kustomize: json(out.kustomize), directory: json(out.directory), plugin: json(out.plugin) };
      }),
      ValidateAccess: authenticated(this.auth, async (req, ctx) => {
        await this.repositories.validateAccess(ctx, accessQueryToRepository(req));
        return {};
      }),
    };
    return handlers;
  }
}
