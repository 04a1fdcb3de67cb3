import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import type { GitTreeEntry } from '../git/git-repository.client';
import { RenderSafetyError } from '../limits/render-limits';
import { CheckoutTree, resolveInRepo } from './checkout-paths';

// Random symlink graphs and path spellings, checked against the kernel itself: the checkout's
// lookup must never call inside what the OS resolves outside, and resolveInRepo must never hand a
// tool a path that lands outside the checkout. The checkout sits three levels deep in a sandbox that
// holds the same names, so an escape finds real files to land on.
const DIRS = ['a', 'b', 'a/b', 'a/c', 'b/a', 'a/b/c'];
const FILES = ['f', 'g'];
const LINKS = ['l1', 'l2', 'l3'];
const SEGMENTS = ['..', '..', '..', '.', 'a', 'b', 'c', 'f', 'g', 'l1', 'l2', 'l3', 'canary', 'zz'];

const spelling = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 7 }).map((s) => s.join('/'));
/** A link target: never empty, as no file system stores one. */
const target = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 7 }).map((s) => s.join('/'));
const graph = fc.record({
  files: fc.uniqueArray(fc.tuple(fc.constantFrom('', ...DIRS), fc.constantFrom(...FILES)), { maxLength: 8, selector: ([d, f]) => `${d}/${f}` }),
  links: fc.uniqueArray(fc.tuple(fc.constantFrom('', ...DIRS), fc.constantFrom(...LINKS), fc.oneof({ weight: 9, arbitrary: target }, { weight: 1, arbitrary: fc.constant('<abs>') })), {
    minLength: 1,
    maxLength: 8,
    selector: ([d, l]) => `${d}/${l}`,
  }),
  probes: fc.array(spelling, { minLength: 1, maxLength: 12 }),
});

const path = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
const within = (root: string, p: string): boolean => p === root || p.startsWith(root + sep);

let sandbox: string;
let runs = 0;
beforeAll(() => {
  sandbox = realpathSync.native(mkdtempSync(join(tmpdir(), 'checkout-fuzz-')));
  for (const base of [sandbox, join(sandbox, 'x'), join(sandbox, 'x', 'y')]) {
    for (const d of DIRS) mkdirSync(join(base, d), { recursive: true });
    for (const f of [...FILES, 'canary']) writeFileSync(join(base, f), 'outside');
  }
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Writes the graph into a new checkout under the sandbox's x/y: every link, or only those `keep` accepts. */
function materialize(g: { files: [string, string][]; links: [string, string, string][] }, keep: (p: string) => boolean = () => true): { root: string; view: CheckoutTree } {
  const root = join(sandbox, 'x', 'y', `repo-${runs++}`);
  mkdirSync(root);
  const entries: GitTreeEntry[] = [];
  const targets = new Map<string, string>();
  for (const [d, f] of g.files) {
    const p = path(d, f);
    mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, p), 'inside');
    entries.push({ path: p, sha: p, mode: '100644', size: 6 });
  }
  for (const [d, l, t] of g.links) {
    const p = path(d, l);
    const target = t === '<abs>' ? join(sandbox, 'canary') : t;
    targets.set(p, target);
    entries.push({ path: p, sha: p, mode: '120000', size: target.length });
  }
  const view = new CheckoutTree(entries, targets);
  for (const [p, target] of targets) {
    if (!keep(p)) continue;
    mkdirSync(dirname(join(root, p)), { recursive: true });
    symlinkSync(target, join(root, p));
  }
  return { root, view };
}

function kernel(root: string, p: string): { real?: string; code?: string } {
  try {
    return { real: realpathSync.native(p ? `${root}/${p}` : root) };
  } catch (err) {
    return { code: (err as NodeJS.ErrnoException).code };
  }
}

describe('checkout paths against the kernel (fuzz)', () => {
  it('lookup answers where the OS leads, and never inside when the OS leads out', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const { root, view } = materialize(g);
        for (const p of [...g.probes, ...view.entries.map((e) => e.path)]) {
          const os = kernel(root, p);
          const ours = view.lookup(p);
          if (os.real && within(root, os.real)) expect({ p, ours }).toEqual({ p, ours: expect.objectContaining({ kind: 'inside', path: relative(root, os.real).split(sep).join('/') }) });
          else if (os.real) expect({ p, kind: ours.kind }).toEqual({ p, kind: 'outside' });
          else if (os.code === 'ELOOP') expect({ p, kind: ours.kind }).toEqual({ p, kind: 'loop' });
        }
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 200, seed: Number(process.env.FLOTILLA_FUZZ_SEED ?? Date.now() % 100000) },
    );
  });

  it('a checkout without the refused links has no link out, and resolveInRepo never hands out a path outside it', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const plan = materialize(g, () => false);
        rmSync(plan.root, { recursive: true, force: true });
        const refused = new Set(plan.view.refusedLinks().map((l) => l.path));
        const { root } = materialize(g, (p) => !refused.has(p));
        for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
          if (!entry.isSymbolicLink()) continue;
          const os = kernel(root, relative(root, join(entry.parentPath, entry.name)));
          if (os.real) expect({ link: entry.name, real: os.real, inside: within(root, os.real) }).toEqual({ link: entry.name, real: os.real, inside: true });
        }
        for (const p of g.probes) {
          let resolved: string;
          try {
            resolved = resolveInRepo(root, '.', p || '.', 'probe');
          } catch (err) {
            if (err instanceof RenderSafetyError) continue;
            throw err;
          }
          expect({ p, inside: within(root, resolved) }).toEqual({ p, inside: true });
          const os = kernel(root, relative(root, resolved));
          if (os.real) expect({ p, inside: within(root, os.real) }).toEqual({ p, inside: true });
        }
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 150, seed: Number(process.env.FLOTILLA_FUZZ_SEED ?? Date.now() % 100000) },
    );
  });
});
