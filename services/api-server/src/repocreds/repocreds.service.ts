import type { Repository } from '@flotilla/api-types';
import { SECRET_TYPE_LABEL, SECRET_TYPE_REPO_CREDS } from '@flotilla/api-types';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { repositoryFromSecret, repositoryToSecret, sameRepository } from '../repositories/repository-secret.codec';
import { alreadyExists, invalidArgument, notFound } from '../rpc/rpc-error';
import { decodeSecretData, encodeSecretData, KubeSecret } from '../secrets/kube-secret';
import { repoUrlToSecretName } from '../secrets/secret-name';
import type { CallContext } from '../session/session.service';

/** Argo's RepoCreds: a repository's credential fields under the URL prefix they apply to. */
export type RepoCreds = Omit<Repository, 'repo' | 'name' | 'project'> & { url: string };

/** What ListRepositoryCredentials shows of a template, as Argo lists it: never a credential. */
const listed = (c: RepoCreds): RepoCreds => ({
  url: c.url,
  ...(c.username ? { username: c.username } : {}),
  ...(c.type ? { type: c.type } : {}),
  ...(c.enableOCI ? { enableOCI: true } : {}),
});

function toRepository(creds: RepoCreds): Repository {
  const { url, ...rest } = creds;
  return { ...rest, repo: url };
}

function credsFromSecret(secret: KubeSecret): RepoCreds {
  const { repo, name: _name, project: _project, ...rest } = repositoryFromSecret(secret);
  return { ...rest, url: repo };
}

/** A repo-creds Secret as Argo CD writes it: `creds-<hash of the url>`, the prefix under `url`. */
function credsToSecret(creds: RepoCreds, namespace: string, name = repoUrlToSecretName('creds', creds.url)): KubeSecret {
  const secret = repositoryToSecret(toRepository(creds), namespace, name);
  const { repo, name: _name, project: _project, ...data } = decodeSecretData(secret);
  return {
    ...secret,
    metadata: { ...secret.metadata, labels: { [SECRET_TYPE_LABEL]: SECRET_TYPE_REPO_CREDS } },
    data: encodeSecretData({ ...data, url: repo }),
  };
}

/** Repository credential templates (server/repocreds in argo-cd), RBAC'd as repositories on their URL. */
export class RepoCredsService {
  constructor(private readonly secrets: KubeResourceStore<KubeSecret>) {}

  async list(ctx: CallContext, url?: string): Promise<RepoCreds[]> {
    return (await this.all())
      .map((s) => s.creds)
      .filter((c) => (!url || c.url === url) && ctx.can('repositories', 'get', c.url))
      .map(listed);
  }

  /** Stores a template; the same one again is a no-op, a different one needs upsert. Answers its URL only, as Argo does. */
  async create(ctx: CallContext, creds: RepoCreds, upsert: boolean): Promise<RepoCreds> {
    ctx.authorize('repositories', 'create', creds.url ?? '');
    if (!creds.url) throw invalidArgument('must specify URL');
    const existing = await this.byUrl(creds.url);
    if (!existing) {
      await this.secrets.create(credsToSecret(creds, this.secrets.namespace)).catch((err: unknown) => {
        if ((err as { code?: number }).code === 409)
          throw alreadyExists(`repository credentials ${JSON.stringify(creds.url)} already exists`);
        throw err;
      });
    } else if (!sameRepository(toRepository(existing.creds), toRepository(creds))) {
      if (!upsert) throw invalidArgument('existing repository credentials spec is different; use upsert flag to force update');
      return this.update(ctx, creds);
    }
    return { url: creds.url };
  }

  async update(ctx: CallContext, creds: RepoCreds): Promise<RepoCreds> {
    ctx.authorize('repositories', 'update', creds.url ?? '');
    if (!creds.url) throw invalidArgument('must specify URL');
    const existing = await this.byUrl(creds.url);
    if (!existing) throw notFound(`repository credentials ${JSON.stringify(creds.url)} not found`);
    const fresh = credsToSecret(creds, this.secrets.namespace, existing.secret.metadata.name);
    await this.secrets.replace({ ...existing.secret, data: fresh.data });
    return { url: creds.url };
  }

  async delete(ctx: CallContext, url: string): Promise<void> {
    ctx.authorize('repositories', 'delete', url);
    const existing = await this.byUrl(url);
    if (!existing) throw notFound(`repository credentials ${JSON.stringify(url)} not found`);
    await this.secrets.delete(existing.secret.metadata.name);
  }

  private async all(): Promise<{ creds: RepoCreds; secret: KubeSecret }[]> {
    const { items } = await this.secrets.list(`${SECRET_TYPE_LABEL}=${SECRET_TYPE_REPO_CREDS}`);
    return items.map((secret) => ({ creds: credsFromSecret(secret), secret })).sort((a, b) => a.creds.url.localeCompare(b.creds.url));
  }

  private async byUrl(url: string): Promise<{ creds: RepoCreds; secret: KubeSecret } | undefined> {
    return (await this.all()).find((s) => s.creds.url === url);
  }
}
