import * as grpc from '@grpc/grpc-js';
import type { ApplicationSource, Repository } from '@flotilla/api-types';
import { contracts, fromJsonObject, JsonObjectError, toJsonObject } from '@flotilla/contracts';
import type { RepoServerServiceHandlers } from '@flotilla/contracts';
import { AppDetailsService } from '../details/app-details.service';
import { DiscoveryLimitError } from '../details/app-discovery';
import { credentialsOf } from '../git/repository.registry';
import { GitError, RepositoryUrlError, RevisionNotFoundError } from '../git/git-repository.client';
import { GitQueryService, RevisionNotResolvedError } from '../git/git-query.service';
import { GpgCommandError } from '../gpg/gpg-command.client';
import { GpgDisabledError, SignatureVerificationService } from '../gpg/signature-verification.service';
import { AppPathError, ManifestGenerationService, RefSource, RenderPausedError, UnsupportedSourceError } from '../manifests/manifest-generation.service';
import { ToolExecError } from '../exec/tool-exec.client';
import { HelmRepositoryError } from '../helm/helm-chart-repository.client';
import { RenderSafetyError } from '../limits/render-limits';
import { ManifestError } from '../render/directory.renderer';

// The repository, not this replica, is unreachable: every replica would fail alike, so callers' channels
// must not retry it on another (gRFC A6: a negative grpc-retry-pushback-ms stops the retries).
function repositoryUnavailable(details: string): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set('grpc-retry-pushback-ms', '-1');
  return { code: grpc.status.UNAVAILABLE, details, metadata };
}

/** A gRPC status for a failure, so callers can tell bad input from an unreachable repository. */
export function statusFor(err: unknown): Partial<grpc.StatusObject> {
  const details = err instanceof Error ? err.message : String(err);
  if (err instanceof JsonObjectError || err instanceof ManifestError || err instanceof RenderSafetyError) return { code: grpc.status.INVALID_ARGUMENT, details };
  if (err instanceof ToolExecError) return { code: /timed out/.test(details) ? grpc.status.DEADLINE_EXCEEDED : grpc.status.FAILED_PRECONDITION, details };
  if (err instanceof HelmRepositoryError) return repositoryUnavailable(details);
  if (err instanceof AppPathError) return { code: grpc.status.FAILED_PRECONDITION, details };
  if (err instanceof UnsupportedSourceError) return { code: grpc.status.UNIMPLEMENTED, details };
  if (err instanceof RenderPausedError) return { code: grpc.status.FAILED_PRECONDITION, details };
  if (err instanceof GpgDisabledError || err instanceof GpgCommandError) return { code: grpc.status.FAILED_PRECONDITION, details };
  if (err instanceof DiscoveryLimitError) return { code: err.bound === 'time' ? grpc.status.DEADLINE_EXCEEDED : grpc.status.RESOURCE_EXHAUSTED, details };
  if (err instanceof RevisionNotFoundError) return { code: grpc.status.NOT_FOUND, details };
  if (err instanceof RepositoryUrlError || err instanceof RevisionNotResolvedError) return { code: grpc.status.INVALID_ARGUMENT, details };
  if (err instanceof GitError) return repositoryUnavailable(details);
  return { code: grpc.status.INTERNAL, details };
}

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** Adapts an async use case to a grpc-js unary handler with the status mapping above. */
function unary<Req, Res>(fn: (req: Req) => Promise<Res>): Unary<Req, Res> {
  return (call, callback) => {
    fn(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => callback(statusFor(err)),
    );
  };
}

const repoOf = (msg: { json?: string } | null | undefined): Repository => {
  const repo = fromJsonObject<Repository>(msg, 'repo');
  if (!repo.repo) throw new JsonObjectError('repo.repo (the repository URL) is required');
  return repo;
};

/** `ref` alias → {repo, targetRevision} on the wire → the sources `$alias/…` value files read. */
function refSourcesOf(wire: Record<string, { json?: string }> | undefined): Record<string, RefSource> {
  const out: Record<string, RefSource> = {};
  for (const [alias, msg] of Object.entries(wire ?? {})) {
    const target = fromJsonObject<{ repo?: Repository; targetRevision?: string }>(msg, `refSources.${alias}`);
    if (!target.repo?.repo) throw new JsonObjectError(`refSources.${alias}.repo.repo (the repository URL) is required`);
    out[alias] = { repoURL: target.repo.repo, targetRevision: target.targetRevision, credentials: credentialsOf(target.repo) };
  }
  return out;
}

/** The internal RepoServerService: translate the wire, delegate to the use cases. */
export class RepoServerGrpcHandler {
  readonly definition = contracts().repository.RepoServerService.service;

  constructor(
    private readonly manifests: ManifestGenerationService,
    private readonly git: GitQueryService,
    private readonly appDetails: AppDetailsService,
    private readonly signatures?: SignatureVerificationService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: RepoServerServiceHandlers = {
      GenerateManifest: unary(async (req) => {
        const repo = repoOf(req.repo);
        const source = fromJsonObject<ApplicationSource>(req.applicationSource, 'applicationSource');
        const repoURL = source.repoURL || repo.repo;
        const out = await this.manifests.generate({
          source: { ...source, repoURL },
          credentials: credentialsOf(repo),
          revision: req.revision,
          noCache: req.noCache,
          noRevisionCache: req.noRevisionCache,
          appName: req.appName,
          namespace: req.namespace,
          projectName: req.projectName,
          kubeVersion: req.kubeVersion,
          apiVersions: req.apiVersions,
          refSources: refSourcesOf(req.refSources),
          manifestGeneratePaths: req.manifestGeneratePaths || undefined,
        });
        return {
          manifests: out.manifests.map((m) => JSON.stringify(m)),
          namespace: req.namespace,
          revision: out.revision,
          sourceType: out.sourceType,
          fromCache: out.fromCache,
          staleReason: out.staleReason ?? '',
          reusedFrom: out.reusedFrom ?? '',
          // A chart from a Helm repository has no commit to verify: empty, as Argo CD answers.
          verifyResult: req.verifySignature && !source.chart ? await this.verify(repoURL, repo, out.revision, req.revision || source.targetRevision) : '',
        };
      }),
      ResolveRevision: unary(async (req) => {
        const repo = repoOf(req.repo);
        const out = await this.git.resolveRevision(repo.repo, credentialsOf(repo), req.ambiguousRevision ?? '', true);
        return { revision: out.sha, ambiguousRevision: out.ambiguous };
      }),
      GetAppDetails: unary(async (req) => {
        const repo = repoOf(req.repo);
        const source = fromJsonObject<ApplicationSource>(req.source, 'source');
        const { type, ...details } = await this.appDetails.details({ ...source, repoURL: source.repoURL || repo.repo }, credentialsOf(repo), req.noCache);
        return { type, details: toJsonObject(details) };
      }),
      ListRefs: unary(async (req) => {
        const repo = repoOf(req.repo);
        return this.git.listRefs(repo.repo, credentialsOf(repo));
      }),
      ListApps: unary(async (req) => {
        const repo = repoOf(req.repo);
        return { apps: await this.git.listApps(repo.repo, credentialsOf(repo), req.revision ?? '') };
      }),
      GetGitFiles: unary(async (req) => {
        const repo = repoOf(req.repo);
        const files = await this.git.gitFiles(repo.repo, credentialsOf(repo), req.revision ?? '', req.path ?? '', {
          globstar: req.newGitFileGlobbingEnabled,
          fresh: req.noRevisionCache,
        });
        return { map: Object.fromEntries(files) };
      }),
      GetGitDirectories: unary(async (req) => {
        const repo = repoOf(req.repo);
        return { paths: await this.git.gitDirectories(repo.repo, credentialsOf(repo), req.revision ?? '', req.noRevisionCache) };
      }),
      GetRevisionMetadata: unary(async (req) => {
        const repo = repoOf(req.repo);
        const meta = await this.git.revisionMetadata(repo.repo, credentialsOf(repo), req.revision ?? '');
        // Argo answers the author date as a Kubernetes Time: RFC 3339 in UTC, to the second.
        const date = new Date(meta.date).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const signatureInfo = req.checkSignature ? await this.verify(repo.repo, repo, meta.sha, req.revision) : '';
        return toJsonObject({
          author: meta.author,
          date,
          ...(meta.tags.length ? { tags: meta.tags } : {}),
          message: meta.message,
          ...(signatureInfo ? { signatureInfo } : {}),
        });
      }),
    };
    return handlers;
  }

  private verify(repoURL: string, repo: Repository, sha: string, requested?: string): Promise<string> {
    if (!this.signatures) throw new GpgDisabledError('the project requires signed commits (signatureKeys), but this repo-server does not verify signatures');
    return this.signatures.verify(repoURL, credentialsOf(repo), sha, requested);
  }
}
