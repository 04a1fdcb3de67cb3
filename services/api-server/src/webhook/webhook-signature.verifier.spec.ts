import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { WebhookRejection } from './push-event.types';
import { verifyBitbucket, verifyGitHub, verifyGitLab, verifyGogs, webhookSecrets } from './webhook-signature.verifier';

const SECRET = 'It is a secret to everybody';
const BODY = Buffer.from('{"ref":"refs/heads/main","repository":{"html_url":"https://github.com/acme/deploy-config"}}');
const hmac = (alg: 'sha1' | 'sha256', secret: string, body = BODY): string => createHmac(alg, secret).update(body).digest('hex');

type Verify = (headers: IncomingHttpHeaders, secret: string | undefined) => void;
const github: Verify = (h, s) => verifyGitHub(h, BODY, s);
const gitlab: Verify = (h, s) => verifyGitLab(h, s);
const bitbucket: Verify = (h, s) => verifyBitbucket(h, s);
const gogs: Verify = (h, s) => verifyGogs(h, BODY, s);

describe('webhook signature verification', () => {
  it.each<[string, Verify, IncomingHttpHeaders, string | undefined]>([
    ['GitHub, no secret configured, unsigned', github, {}, undefined],
    ['GitHub, no secret configured, signed anyway', github, { 'x-hub-signature-256': 'sha256=00' }, undefined],
    ['GitHub, X-Hub-Signature-256', github, { 'x-hub-signature-256': `sha256=${hmac('sha256', SECRET)}` }, SECRET],
    [
      'GitHub, X-Hub-Signature-256 in upper case hex',
      github,
      { 'x-hub-signature-256': `sha256=${hmac('sha256', SECRET).toUpperCase()}` },
      SECRET,
    ],
    ['GitHub, legacy X-Hub-Signature (sha1) alone', github, { 'x-hub-signature': `sha1=${hmac('sha1', SECRET)}` }, SECRET],
    ['GitLab, no secret configured', gitlab, {}, undefined],
    ['GitLab, the token', gitlab, { 'x-gitlab-token': SECRET }, SECRET],
    ['Bitbucket, no UUID configured', bitbucket, { 'x-hook-uuid': 'anything' }, undefined],
    ['Bitbucket, the UUID', bitbucket, { 'x-hook-uuid': '5e2a1c9b-0d1f-4c55-a2a5-31b0e0b7e6b1' }, '5e2a1c9b-0d1f-4c55-a2a5-31b0e0b7e6b1'],
    ['Gogs, no secret configured', gogs, {}, undefined],
    ['Gogs, X-Gogs-Signature', gogs, { 'x-gogs-signature': hmac('sha256', SECRET) }, SECRET],
  ])('accepts %s', (_name, verify, headers, secret) => {
    expect(() => verify(headers, secret)).not.toThrow();
  });

  it.each<[string, Verify, IncomingHttpHeaders, string]>([
    ['GitHub unsigned', github, {}, 'X-Hub-Signature-256 is missing: webhook.github.secret is set in argocd-secret'],
    [
      'GitHub signed with another secret',
      github,
      { 'x-hub-signature-256': `sha256=${hmac('sha256', 'other')}` },
      'X-Hub-Signature-256 does not match the payload',
    ],
    [
      'GitHub signature of another body',
      github,
      { 'x-hub-signature-256': `sha256=${hmac('sha256', SECRET, Buffer.from('{}'))}` },
      'X-Hub-Signature-256 does not match the payload',
    ],
    [
      'GitHub sha256 digest without its prefix',
      github,
      { 'x-hub-signature-256': hmac('sha256', SECRET) },
      'X-Hub-Signature-256 does not match the payload',
    ],
    // A valid legacy signature does not rescue a wrong sha256 one: the stronger header decides.
    [
      'GitHub wrong sha256 beside a right sha1',
      github,
      { 'x-hub-signature-256': 'sha256=00', 'x-hub-signature': `sha1=${hmac('sha1', SECRET)}` },
      'X-Hub-Signature-256 does not match',
    ],
    [
      'GitHub legacy signature with another secret',
      github,
      { 'x-hub-signature': `sha1=${hmac('sha1', 'other')}` },
      'X-Hub-Signature does not match the payload',
    ],
    ['GitLab without a token', gitlab, {}, 'X-Gitlab-Token is missing: webhook.gitlab.secret is set in argocd-secret'],
    [
      'GitLab with another token',
      gitlab,
      { 'x-gitlab-token': `${SECRET}!` },
      'X-Gitlab-Token does not match webhook.gitlab.secret in argocd-secret',
    ],
    ['Bitbucket without a UUID', bitbucket, {}, 'X-Hook-UUID is missing: webhook.bitbucket.uuid is set in argocd-secret'],
    [
      'Bitbucket with another UUID',
      bitbucket,
      { 'x-hook-uuid': 'b0e0b7e6' },
      'X-Hook-UUID does not match webhook.bitbucket.uuid in argocd-secret',
    ],
    ['Gogs unsigned', gogs, {}, 'X-Gogs-Signature is missing: webhook.gogs.secret is set in argocd-secret'],
    [
      'Gogs signed with another secret',
      gogs,
      { 'x-gogs-signature': hmac('sha256', 'other') },
      'X-Gogs-Signature does not match the payload',
    ],
  ])('refuses %s with a 400 naming the header, never the secret', (_name, verify, headers, message) => {
    // (The same configured value serves as GitHub/GitLab/Gogs secret and Bitbucket hook UUID.)
    let thrown: unknown;
    try {
      verify(headers, SECRET);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(WebhookRejection);
    expect(thrown).toMatchObject({ status: 400, message: expect.stringContaining(message) });
    expect((thrown as Error).message).not.toContain(SECRET);
    expect((thrown as Error).message).not.toContain(hmac('sha256', SECRET));
  });

  it('reads the secrets from argocd-secret, an empty value being none', () => {
    expect(
      webhookSecrets({
        'webhook.github.secret': 'gh',
        'webhook.gitlab.secret': '',
        'webhook.bitbucket.uuid': 'uuid',
        'webhook.gogs.secret': 'gogs',
        'server.secretkey': 'unrelated',
      }),
    ).toEqual({ github: 'gh', gitlab: undefined, bitbucketUuid: 'uuid', gogs: 'gogs' });
  });
});
