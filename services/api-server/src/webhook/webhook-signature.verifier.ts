// Proof that a delivery comes from the git provider holding the shared secret in argocd-secret, per
// provider as Argo CD checks it. No secret configured means no check (Argo CD accepts such events).
// The messages name headers and argocd-secret keys, never a secret or a digest.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from './push-event.types';

/** The webhook keys of argocd-secret; an empty value counts as not configured. */
export interface WebhookSecrets {
  github?: string;
  gitlab?: string;
  bitbucketUuid?: string;
  gogs?: string;
  /** Azure DevOps service hooks send basic auth with these (both must be set to be checked). */
  azureDevOpsUsername?: string;
  azureDevOpsPassword?: string;
}

export const GITHUB_SECRET_KEY = 'webhook.github.secret';
export const GITLAB_SECRET_KEY = 'webhook.gitlab.secret';
export const BITBUCKET_UUID_KEY = 'webhook.bitbucket.uuid';
export const GOGS_SECRET_KEY = 'webhook.gogs.secret';
export const AZURE_DEVOPS_USERNAME_KEY = 'webhook.azuredevops.username';
export const AZURE_DEVOPS_PASSWORD_KEY = 'webhook.azuredevops.password';

/** The secrets from argocd-secret's decoded data. */
export const webhookSecrets = (argocdSecret: Record<string, string>): WebhookSecrets => ({
  github: argocdSecret[GITHUB_SECRET_KEY] || undefined,
  gitlab: argocdSecret[GITLAB_SECRET_KEY] || undefined,
  bitbucketUuid: argocdSecret[BITBUCKET_UUID_KEY] || undefined,
  gogs: argocdSecret[GOGS_SECRET_KEY] || undefined,
  azureDevOpsUsername: argocdSecret[AZURE_DEVOPS_USERNAME_KEY] || undefined,
  azureDevOpsPassword: argocdSecret[AZURE_DEVOPS_PASSWORD_KEY] || undefined,
});

/** One header's value (Node joins or lists repeats; the first is the one a provider sent). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Equality that takes the same time wherever the texts differ and whatever their lengths. */
function sameText(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

const hmacHex = (algorithm: 'sha1' | 'sha256', secret: string, body: Buffer): string =>
  createHmac(algorithm, secret).update(body).digest('hex');

const mismatch = (headerName: string, key: string) =>
  badRequest(
    `${headerName} does not match the payload: the webhook's secret differs from ${key} in argocd-secret, or the payload was altered`,
  );

const missing = (headerName: string, key: string) =>
  badRequest(`${headerName} is missing: ${key} is set in argocd-secret, so deliveries must carry it (set the same secret on the webhook)`);

/** `X-Hub-Signature-256: sha256=<hex>`, or the legacy `X-Hub-Signature: sha1=<hex>`, over the raw body. */
export function verifyGitHub(headers: IncomingHttpHeaders, body: Buffer, secret: string | undefined): void {
  if (!secret) return;
  const sha256 = headerValue(headers, 'X-Hub-Signature-256');
  if (sha256 !== undefined) {
    if (!sameText(sha256.trim().toLowerCase(), `sha256=${hmacHex('sha256', secret, body)}`))
      throw mismatch('X-Hub-Signature-256', GITHUB_SECRET_KEY);
    return;
  }
  const sha1 = headerValue(headers, 'X-Hub-Signature');
  if (sha1 === undefined) throw missing('X-Hub-Signature-256', GITHUB_SECRET_KEY);
  if (!sameText(sha1.trim().toLowerCase(), `sha1=${hmacHex('sha1', secret, body)}`)) throw mismatch('X-Hub-Signature', GITHUB_SECRET_KEY);
}

/** GitLab sends the secret itself as `X-Gitlab-Token`. */
export function verifyGitLab(headers: IncomingHttpHeaders, secret: string | undefined): void {
  if (!secret) return;
  const token = headerValue(headers, 'X-Gitlab-Token');
  if (token === undefined) throw missing('X-Gitlab-Token', GITLAB_SECRET_KEY);
  if (!sameText(token, secret)) throw badRequest(`X-Gitlab-Token does not match ${GITLAB_SECRET_KEY} in argocd-secret`);
}

/** Bitbucket Cloud has no signature; the hook's UUID (`X-Hook-UUID`) is the shared value. */
export function verifyBitbucket(headers: IncomingHttpHeaders, uuid: string | undefined): void {
  if (!uuid) return;
  const sent = headerValue(headers, 'X-Hook-UUID');
  if (sent === undefined) throw missing('X-Hook-UUID', BITBUCKET_UUID_KEY);
  if (!sameText(sent.trim(), uuid.trim())) throw badRequest(`X-Hook-UUID does not match ${BITBUCKET_UUID_KEY} in argocd-secret`);
}

/** Gogs (and Gitea, which also sends it) signs the raw body: `X-Gogs-Signature: <hex HMAC-SHA256>`. */
export function verifyGogs(headers: IncomingHttpHeaders, body: Buffer, secret: string | undefined): void {
  if (!secret) return;
  const signature = headerValue(headers, 'X-Gogs-Signature');
  if (signature === undefined) throw missing('X-Gogs-Signature', GOGS_SECRET_KEY);
  if (!sameText(signature.trim().toLowerCase(), hmacHex('sha256', secret, body))) throw mismatch('X-Gogs-Signature', GOGS_SECRET_KEY);
}

/** Azure DevOps service hooks authenticate with basic auth: the username and password in argocd-secret. */
export function verifyAzureDevOps(headers: IncomingHttpHeaders, username: string | undefined, password: string | undefined): void {
  if (!username || !password) return;
  const keys = `${AZURE_DEVOPS_USERNAME_KEY} and ${AZURE_DEVOPS_PASSWORD_KEY}`;
  const auth = headerValue(headers, 'Authorization');
  if (auth === undefined) throw missing('Authorization', keys);
  const [scheme, encoded = ''] = auth.trim().split(/\s+/, 2);
  const sent = scheme.toLowerCase() === 'basic' ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  if (!sameText(sent, `${username}:${password}`)) throw badRequest(`Authorization does not match ${keys} in argocd-secret`);
}
