// The repo-server's own GnuPG keyring, kept equal to argocd-gpg-keys-cm as mounted (Argo CD's
// /app/config/gpg/source → /app/config/gpg/keys): one file per key ID holding its ASCII-armored
// public key. Checked before each verification (a digest of the mounted files, so a ConfigMap
// update applies within the kubelet's sync period, without a restart); keys gone from the
// ConfigMap are deleted from the keyring.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { longKeyId } from '@flotilla/api-types';
import { GpgCommandError, runGpgCommand } from './gpg-command.client';

export interface GpgKeyringOptions {
  /** The mounted ConfigMap: file name = key ID, content = armored public key. */
  sourceDir: string;
  /** GNUPGHOME of the keyring (writable; created 0700). */
  gnupgHome: string;
  gpgBinary?: string;
  timeoutMs: number;
  logger?: { info(msg: string): void; warn(msg: string): void };
}

interface SourceKey {
  file: string;
  keyId: string;
  armored: string;
}

const GPG_BATCH = ['--batch', '--no-tty', '--no-autostart'];

export class GpgKeyring {
  private syncedDigest?: string;
  private running?: Promise<void>;

  constructor(private readonly opts: GpgKeyringOptions) {}

  get gnupgHome(): string {
    return this.opts.gnupgHome;
  }

  get gpgBinary(): string {
    return this.opts.gpgBinary ?? 'gpg';
  }

  /** What gpg (and git running gpg) needs: this keyring and nothing inherited. */
  env(): Record<string, string> {
    return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.opts.gnupgHome, GNUPGHOME: this.opts.gnupgHome, LANG: 'C', LC_ALL: 'C' };
  }

  /** Brings the keyring in line with the mounted keys when they changed since the last sync. */
  async ensureSynced(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    const source = this.readSource();
    if (source.digest === this.syncedDigest) return;
    this.running = this.sync(source.keys, source.digest).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Long key IDs of the primary keys in the keyring now. */
  async installedKeyIds(): Promise<string[]> {
    return (await this.listFingerprints()).map((f) => f.slice(24));
  }

  private readSource(): { keys: SourceKey[]; digest: string } {
    let names: string[];
    try {
      names = readdirSync(this.opts.sourceDir).sort();
    } catch {
      // No ConfigMap mounted (or it is empty): no keys are trusted.
      names = [];
    }
    const hash = createHash('sha256');
    const keys: SourceKey[] = [];
    // A ConfigMap volume also holds ..data and ..<timestamp> entries; keys are the plain names.
    for (const file of names.filter((n) => !n.startsWith('.'))) {
      const path = join(this.opts.sourceDir, file);
      let armored: string;
      try {
        if (!statSync(path).isFile()) continue;
        armored = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      hash.update(`${file}\0${armored}\0`);
      const keyId = longKeyId(file);
      if (!keyId) {
        this.opts.logger?.warn(
          `argocd-gpg-keys-cm key "${file}" is not a GnuPG key ID (16 hex digits, or a 40-digit fingerprint): ignored`,
        );
        continue;
      }
      keys.push({ file, keyId, armored });
    }
    return { keys, digest: hash.digest('hex') };
  }

  private async sync(keys: SourceKey[], digest: string): Promise<void> {
    mkdirSync(this.opts.gnupgHome, { recursive: true, mode: 0o700 });
    chmodSync(this.opts.gnupgHome, 0o700);
    const wanted = new Set<string>();
    for (const key of keys) {
      const fingerprints = await this.fingerprintsIn(key.armored);
      if (!fingerprints.some((f) => f.endsWith(key.keyId))) {
        const held = fingerprints.length ? `holds key ${fingerprints.map((f) => f.slice(24)).join(', ')}` : 'holds no public key';
        this.opts.logger?.warn(`argocd-gpg-keys-cm key ${key.file} ${held}, not ${key.keyId}: ignored`);
        continue;
      }
      // Imported again on every change: gpg merges, so a renewed expiry or a new subkey arrives.
      const out = await this.gpg(['--import'], key.armored);
      if (out.code !== 0) {
        this.opts.logger?.warn(`argocd-gpg-keys-cm key ${key.file} could not be imported: ${lastLine(out.stderr)}`);
        continue;
      }
      for (const f of fingerprints) wanted.add(f);
    }
    const installed = await this.listFingerprints();
    const removed = installed.filter((f) => !wanted.has(f));
    for (const fingerprint of removed) {
      const out = await this.gpg(['--yes', '--delete-keys', fingerprint]);
      if (out.code !== 0)
        throw new GpgCommandError(`could not remove key ${fingerprint.slice(24)} from the keyring: ${lastLine(out.stderr)}`);
    }
    this.syncedDigest = digest;
    this.opts.logger?.info(
      `GnuPG keyring ${this.opts.gnupgHome}: ${wanted.size} keys from ${this.opts.sourceDir}${removed.length ? `, ${removed.length} removed` : ''}`,
    );
  }

  /** Primary-key fingerprints in an armored key, read without touching the keyring. */
  private async fingerprintsIn(armored: string): Promise<string[]> {
    const out = await this.gpg(['--with-colons', '--import-options', 'show-only', '--import'], armored);
    return primaryFingerprints(out.stdout);
  }

  private async listFingerprints(): Promise<string[]> {
    const out = await this.gpg(['--with-colons', '--list-keys']);
    // An empty, new keyring lists nothing and may exit 2: that is no keys.
    return primaryFingerprints(out.stdout);
  }

  private gpg(args: string[], stdin?: string) {
    return runGpgCommand(this.gpgBinary, [...GPG_BATCH, ...args], { env: this.env(), timeoutMs: this.opts.timeoutMs, stdin });
  }
}

/** `fpr` records that follow a `pub` record in gpg's --with-colons output. */
export function primaryFingerprints(colons: string): string[] {
  const out: string[] = [];
  let afterPub = false;
  for (const line of colons.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === 'pub') afterPub = true;
    else if (fields[0] === 'fpr' && afterPub) {
      out.push(fields[9].toUpperCase());
      afterPub = false;
    } else if (fields[0] === 'sub' || fields[0] === 'sec' || fields[0] === 'ssb') afterPub = false;
  }
  return out;
}

const lastLine = (text: string): string => text.trim().split('\n').pop() ?? '';
