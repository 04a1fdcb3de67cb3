// GnuPG verification of the revision an Application renders (Argo's VerifyCommitSignature): `git
// verify-commit --raw` on the resolved commit, or `git verify-tag --raw` when the revision asked for
// is an annotated tag of it, against the keyring synced from argocd-gpg-keys-cm. The raw status
// lines go back to the caller, which decides whether the signer is one its project allows.
import { GitError } from '../git/git-repository.client';
import type { GitCredentials } from '../git/git-credentials';
import type { RepositoryRegistry } from '../git/repository.registry';
import { runGpgCommand } from './gpg-command.client';
import type { GpgKeyring } from './gpg-keyring.store';

/** Verification was asked of a repo-server whose GnuPG support is switched off. */
export class GpgDisabledError extends Error {}

const SHA = /^[0-9a-f]{40}$/;
/** A tag name git accepts (checked again by git); nothing that could read as an option. */
const TAG_NAME = /^[A-Za-z0-9._/+@-]+$/;

export class SignatureVerificationService {
  constructor(
    private readonly repos: RepositoryRegistry,
    /** undefined when FLOTILLA_GPG_ENABLED=false. */
    private readonly keyring: GpgKeyring | undefined,
    private readonly timeoutMs: number,
    private readonly logger?: { warn(msg: string): void },
  ) {}

  /** Imports the mounted keys at start (as Argo's repo-server does), so the first verification is quick. */
  async onModuleInit(): Promise<void> {
    await this.keyring
      ?.ensureSynced()
      .catch((err: unknown) =>
        this.logger?.warn(`GnuPG keyring not synced at start (retried with each verification): ${(err as Error).message}`),
      );
  }

  /** git's raw status lines for `sha` (or the tag `requested` names), '' when it is not signed. */
  async verify(repoURL: string, creds: GitCredentials, sha: string, requested?: string): Promise<string> {
    if (!this.keyring)
      throw new GpgDisabledError(
        'the project requires signed commits (signatureKeys), but GnuPG verification is disabled on repo-server (FLOTILLA_GPG_ENABLED=false)',
      );
    if (!SHA.test(sha)) throw new GitError(`cannot verify the signature of "${sha}": not a commit SHA`);
    await this.keyring.ensureSynced();
    const dir = this.repos.get(repoURL, creds).dir;
    const tag = await this.annotatedTag(dir, sha, requested);
    const args = tag ? ['verify-tag', '--raw', `refs/tags/${tag}`] : ['verify-commit', '--raw', sha];
    const out = await this.git(dir, args);
    const status = out.stderr.split('\n').filter((l) => l.startsWith('[GNUPG:] '));
    // Unsigned: git says nothing (verify-commit) or "no signature found" (verify-tag) and exits 1.
    if (!status.length && out.code !== 0 && /fatal|error: (?!no signature)/i.test(out.stderr))
      throw new GitError(`git ${args[0]} ${tag ?? sha}: ${out.stderr.trim()}`);
    return status.join('\n');
  }

  /** The tag `requested` names when it is an annotated tag pointing at `sha`. */
  private async annotatedTag(dir: string, sha: string, requested?: string): Promise<string | undefined> {
    const name = requested?.trim().replace(/^refs\/tags\//, '');
    if (!name || SHA.test(name) || !TAG_NAME.test(name) || name.startsWith('-')) return undefined;
    const type = await this.git(dir, ['cat-file', '-t', `refs/tags/${name}`]);
    if (type.code !== 0 || type.stdout.trim() !== 'tag') return undefined;
    const peeled = await this.git(dir, ['rev-parse', '--verify', '--quiet', `refs/tags/${name}^{commit}`]);
    return peeled.stdout.trim() === sha ? name : undefined;
  }

  private git(dir: string, args: string[]) {
    const keyring = this.keyring!;
    // System and user git config could name another gpg.program: only ours runs.
    const env = { ...keyring.env(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };
    return runGpgCommand('git', ['-c', `gpg.program=${keyring.gpgBinary}`, '-c', 'gpg.format=openpgp', ...args], {
      cwd: dir,
      env,
      timeoutMs: this.timeoutMs,
    });
  }
}
