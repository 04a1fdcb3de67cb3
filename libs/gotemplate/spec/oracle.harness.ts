// Builds and runs the Go oracle (libs/gotemplate/oracle): one process renders a whole batch.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGO_FUNCS, decodeJsonWithInts, Template, TemplateExecError, TemplateParseError, type TemplateOptions } from '../src';

export interface Case {
  name?: string;
  text: string;
  data?: unknown;
  ints?: boolean;
  missingKey?: 'default' | 'invalid' | 'zero' | 'error';
  delims?: [string, string];
  noSprig?: boolean;
  /** Add Argo CD's ApplicationSet functions (normalize, slugify, toYaml, fromYaml, fromYamlArray). */
  argo?: boolean;
  /** Random/time-based output: compare with letters and digits masked. */
  shape?: boolean;
  /**
   * Compare an exec error only up to the end of this text: for go-yaml's syntax errors, which are
   * libyaml's wording; both sides must still fail, and with the same error up to there.
   */
  errorUpTo?: string;
}

export interface Result { out?: string; parseError?: string; execError?: string }

const ORACLE_DIR = join(__dirname, '..', 'oracle');

/** Builds the oracle binary once per source version into a cache dir; fails loudly without Go. */
export function buildOracle(): string {
  try {
    execFileSync('go', ['version'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'Go is not installed: the gotemplate oracle needs `apt-get install -y --no-install-recommends golang-go golang-github-masterminds-sprig-dev` (.ci/run installs it)',
    );
  }
  const src = readFileSync(join(ORACLE_DIR, 'main.go'));
  const hash = createHash('sha256').update(src).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'flotilla-gotemplate-oracle');
  mkdirSync(dir, { recursive: true });
  const bin = join(dir, `oracle-${hash}`);
  if (!existsSync(bin)) {
    execFileSync('go', ['build', '-o', bin, '.'], {
      cwd: ORACLE_DIR,
      stdio: 'pipe',
      env: { ...process.env, GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOFLAGS: '-mod=mod', GOCACHE: join(dir, 'gocache') },
    });
  }
  return bin;
}

export function runOracle(bin: string, cases: Case[]): Result[] {
  const dir = join(tmpdir(), 'flotilla-gotemplate-oracle');
  const file = join(dir, `cases-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(cases.map((c) => ({ ...c, name: c.name ?? 't' }))));
  const out = execFileSync(bin, [file], { maxBuffer: 256 * 2 ** 20 }).toString();
  return JSON.parse(out) as Result[];
}

/** The system resolver via getent (files, then DNS), standing in for Go's net.LookupHost. */
function systemResolver(name: string): string[] {
  try {
    const out = execFileSync('getent', ['ahosts', name], { encoding: 'utf8' });
    return [...new Set(out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]))];
  } catch {
    return [];
  }
}

export function runOurs(c: Case): Result {
  const opts: TemplateOptions = {
    missingKey: c.missingKey, delims: c.delims, sprig: !c.noSprig, enableEnv: true, resolveHost: systemResolver,
    funcs: c.argo ? ARGO_FUNCS : undefined,
  };
  let t: Template;
  try {
    t = Template.parse(c.name ?? 't', c.text, opts);
  } catch (e) {
    if (e instanceof TemplateParseError) return { parseError: e.message };
    throw e;
  }
  const data = c.data === undefined ? undefined : c.ints ? decodeJsonWithInts(JSON.stringify(c.data)) : JSON.parse(JSON.stringify(c.data));
  try {
    return { out: t.execute(data) };
  } catch (e) {
    if (e instanceof TemplateExecError) return { execError: e.message, out: e.partialOutput };
    return { execError: `JS exception: ${String(e)}` };
  }
}

const mask = (s: string | undefined): string | undefined => s?.replace(/[A-Za-z0-9]/g, 'x');

const upTo = (s: string, marker: string | undefined): string => {
  const at = marker === undefined ? -1 : s.indexOf(marker);
  return at < 0 || marker === undefined ? s : s.slice(0, at + marker.length);
};

export function normalise(r: Result, c: Pick<Case, 'shape' | 'errorUpTo'>): Result {
  const out: Result = {};
  if (r.out !== undefined) out.out = c.shape ? mask(r.out) : r.out;
  if (r.parseError !== undefined) out.parseError = r.parseError;
  if (r.execError !== undefined) out.execError = upTo(r.execError, c.errorUpTo);
  return out;
}
