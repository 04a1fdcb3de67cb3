// A throwaway GnuPG signing key in its own GNUPGHOME, for specs of signature verification: sign
// commits and tags of a GitRepo with it, and write its public key where argocd-gpg-keys-cm would be.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitRepo } from './git-repo';

export interface GpgSigner {
  /** Long key ID (16 upper-case hex digits), as argocd-gpg-keys-cm names keys. */
  keyId: string;
  fingerprint: string;
  /** The ASCII-armored public key. */
  publicKey: string;
  /** What GitRepo.commit needs to sign with this key. */
  signing: CommitSigning;
  /** Writes the public key to `<dir>/<keyId>`, as a mounted argocd-gpg-keys-cm holds it. */
  publishTo(dir: string): void;
  /** Signs an annotated tag of `sha` in the repository and pushes it. */
  tag(repo: GitRepo, name: string, sha: string): void;
  /** Stops the gpg-agent signing started and removes the key. */
  dispose(): void;
}

export interface CommitSigning {
  env: Record<string, string>;
  config: string[];
}

/** Generates an ed25519 key with no passphrase (about 50 ms) in `<dir>/gnupg-<name>`. */
export function createGpgSigner(dir: string, name: string): GpgSigner {
  const home = join(dir, `gnupg-${name}`);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const env = { ...process.env, GNUPGHOME: home };
  const gpg = (...args: string[]): string =>
    execFileSync('gpg', ['--batch', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  gpg('--passphrase', '', '--quick-gen-key', `${name} <${name}@signers.test>`, 'ed25519', 'sign', 'never');
  const fingerprint = /^fpr:{9}([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--list-keys'))![1];
  const keyId = fingerprint.slice(24);
  const publicKey = gpg('--armor', '--export', fingerprint);
  const signing: CommitSigning = {
    env: { GNUPGHOME: home },
    config: ['-c', `user.signingkey=${fingerprint}`, '-c', 'gpg.program=gpg', '-c', 'gpg.format=openpgp'],
  };
  return {
    keyId,
    fingerprint,
    publicKey,
    signing,
    publishTo(target) {
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, keyId), publicKey);
    },
    tag(repo, tagName, sha) {
      const git = (...args: string[]): string =>
        execFileSync('git', args, {
          cwd: repo.workDir,
          env: { ...env, GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      git(...signing.config, 'tag', '-s', '-m', tagName, tagName, sha);
      git('push', 'origin', `refs/tags/${tagName}`);
    },
    dispose() {
      try {
        execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
      } catch {
        // No agent was started.
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
