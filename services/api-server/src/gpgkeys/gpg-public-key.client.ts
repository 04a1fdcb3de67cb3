// Reads ASCII-armored public keys with the gpg binary, in a throwaway GNUPGHOME under TMPDIR (the
// api-server keeps no keyring: repo-server's is the one that verifies). Keys go in on stdin, never
// in argv; gpg runs in its own process group and is killed with it after a timeout.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PublicKeyInfo {
  keyID: string;
  fingerprint: string;
  owner: string;
  subType: string;
  /** This key alone, ASCII-armored, as argocd-gpg-keys-cm stores it. */
  keyData: string;
}

/** The data holds no public key gpg can read. */
export class InvalidPublicKeyError extends Error {}

const ALGORITHMS: Record<string, string> = { '1': 'rsa', '2': 'rsa', '3': 'rsa', '16': 'elg', '17': 'dsa' };

export class GpgPublicKeyClient {
  constructor(private readonly opts: { gpgBinary?: string; timeoutMs?: number } = {}) {}

  /** Every public key in `armored`, each exported on its own; throws InvalidPublicKeyError when there is none. */
  async read(armored: string): Promise<PublicKeyInfo[]> {
    if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(armored))
      throw new InvalidPublicKeyError('the key data holds a private key: give the public key only (gpg --armor --export KEYID)');
    const home = mkdtempSync(join(tmpdir(), 'flotilla-gpg-'));
    try {
      const imported = await this.gpg(home, ['--import'], armored);
      const listed = await this.gpg(home, ['--with-colons', '--fixed-list-mode', '--list-keys']);
      const keys = parseColons(listed.stdout);
      if (!keys.length)
        throw new InvalidPublicKeyError(`no public key found in the key data: ${lastLine(imported.stderr) || 'gpg read nothing'}`);
      const out: PublicKeyInfo[] = [];
      for (const key of keys) out.push({ ...key, keyData: (await this.gpg(home, ['--armor', '--export', key.fingerprint])).stdout });
      return out;
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }

  private gpg(home: string, args: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', GNUPGHOME: home, HOME: home, LANG: 'C', LC_ALL: 'C' };
    const timeoutMs = this.opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const child = spawn(this.opts.gpgBinary ?? 'gpg', ['--batch', '--no-tty', '--no-autostart', ...args], {
        env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const kill = (): void => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      const timer = setTimeout(kill, timeoutMs);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.stdin.on('error', () => undefined);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`gpg could not start: ${e.message}`));
      });
      child.on('close', (_code, signal) => {
        clearTimeout(timer);
        kill();
        if (signal === 'SIGKILL') return reject(new Error(`gpg timed out after ${timeoutMs / 1000}s`));
        resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      });
      child.stdin.end(stdin);
    });
  }
}

/** Primary keys in `gpg --with-colons --list-keys` output: pub, then its fpr, then its first uid. */
export function parseColons(colons: string): Omit<PublicKeyInfo, 'keyData'>[] {
  const keys: Omit<PublicKeyInfo, 'keyData'>[] = [];
  let current: Omit<PublicKeyInfo, 'keyData'> | undefined;
  let state: 'none' | 'pub' | 'sub' = 'none';
  for (const line of colons.split('\n')) {
    const f = line.split(':');
    if (f[0] === 'pub') {
      current = { keyID: f[4].toUpperCase(), fingerprint: '', owner: '', subType: f[16] || `${ALGORITHMS[f[3]] ?? `algo${f[3]}`}${f[2]}` };
      keys.push(current);
      state = 'pub';
    } else if (f[0] === 'sub') state = 'sub';
    else if (f[0] === 'fpr' && state === 'pub' && current && !current.fingerprint) current.fingerprint = f[9].toUpperCase();
    else if (f[0] === 'uid' && current && !current.owner) current.owner = f[9];
  }
  return keys;
}

const lastLine = (text: string): string => text.trim().split('\n').pop() ?? '';
