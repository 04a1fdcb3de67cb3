import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Redis from 'ioredis';
import { releaseSpecRedis, testConfig, testManifestService, TestRepository } from '../testing/test-repository';
import { ManifestGenerationService, ManifestRequest } from './manifest-generation.service';

// Random symlink graphs and path spellings through real renders (plain YAML, Jsonnet, Helm,
// Kustomize): whatever a render answers, manifests or error, the canary outside the checkout never
// shows. A checkout is <tmpdir>/flotilla-render-*/repo and each case sits two levels deep in it, so
// four `..` from the app reach the temporary directory, where the canary is a valid manifest.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-escape-fuzz:${process.pid}:${Date.now()}`;
const TAG = `escape-fuzz-${process.pid}-${Date.now()}`;
const CANARY = `canary-content-${Math.random().toString(36).slice(2)}`;
const CANARY_FILE = join(tmpdir(), `${TAG}.yaml`);
const seed = Number(process.env.FLOTILLA_FUZZ_SEED ?? Date.now() % 100000);

// A link may lead up (in bounds) and a path through it climb on from where it really is. Links
// and spellings are drawn from such shapes, each with random links, depths and ends: a climb to the
// checkout's root, a climb on through another link (two levels above the root is the temporary
// directory), a plain climb, an absolute path.
const LINK_NAMES = ['l1', 'l2', 'l3'];
const DEPTH: Record<string, number> = { app: 2, 'app/sub': 3, lib: 2 };
const up = (n: number): string[] => Array<string>(n).fill('..');
const end = fc.oneof({ weight: 6, arbitrary: fc.constant(`${TAG}.yaml`) }, fc.constantFrom('', ...LINK_NAMES));
const climbs = fc.oneof({ weight: 4, arbitrary: fc.constant(2) }, fc.constantFrom(0, 1, 3));
const through = (names: string[]): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...names), climbs, end).map(([via, n, e]) => [via, ...up(n), e].filter(Boolean).join('/'));
const plainClimb = (depth: number): fc.Arbitrary<string> => fc.tuple(fc.integer({ min: 0, max: depth + 3 }), end).map(([n, e]) => [...up(n), e].filter(Boolean).join('/') || '.');
/** A link's target, seen from a directory `depth` levels into the checkout. */
const linkTarget = (depth: number): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(up(depth).join('/')) }, { weight: 3, arbitrary: through(LINK_NAMES) }, { weight: 1, arbitrary: plainClimb(depth) }, { weight: 1, arbitrary: fc.constant(CANARY_FILE) });
const graphs = fc.uniqueArray(
  fc.constantFrom('app', 'app', 'app', 'app/sub', 'lib').chain((d) => fc.tuple(fc.constant(d), fc.constantFrom(...LINK_NAMES), linkTarget(DEPTH[d]))),
  { minLength: 1, maxLength: 4, selector: ([d, l]) => `${d}/${l}` },
);
/** A graph, and the path the app reads: mostly through one of the graph's own links. */
const cases = graphs.chain((graph) => {
  const own = graph.filter(([d]) => d === 'app').map(([, l]) => l);
  const via = own.length ? fc.oneof({ weight: 4, arbitrary: through(own) }, plainClimb(DEPTH.app), fc.constant(CANARY_FILE)) : fc.oneof(plainClimb(DEPTH.app), fc.constant(CANARY_FILE));
  return fc.tuple(fc.constant(graph), via);
});
const kinds = fc.constantFrom('directory', 'jsonnet', 'helm', 'kustomize');

let repo: TestRepository;
let service: ManifestGenerationService;
let n = 0;
beforeAll(() => {
  writeFileSync(CANARY_FILE, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: canary}\ndata: {v: ${CANARY}}\n`);
  repo = new TestRepository();
  const config = testConfig(repo.root);
  service = testManifestService(config, redis, prefix);
});
afterAll(async () => {
  rmSync(CANARY_FILE, { force: true });
  repo.dispose();
  await releaseSpecRedis(redis, prefix);
});

/** Writes one case under c<n>/: the links, and an app of `kind` that reads `via` (a path as spelled). */
function writeCase(dir: string, kind: string, graph: [string, string, string][], via: string): Partial<ManifestRequest['source']> {
  const at = (p: string): string => `${dir}/${p}`;
  repo.write(at('lib/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lib}\n');
  for (const [d, l, target] of graph) repo.symlink(at(d ? `${d}/${l}` : l), target);
  const quoted = JSON.stringify(via);
  switch (kind) {
    case 'jsonnet':
      repo.write(at('app/main.jsonnet'), `{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { v: importstr ${quoted} } }\n`);
      return { path: at('app') };
    case 'helm': {
      const files = graph.filter(([d]) => d === 'app').map(([, l]) => `  ${l}: {{ .Files.Get ${JSON.stringify(l)} | quote }}`);
      repo.write(at('app/Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
      repo.write(at('app/templates/cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: h\ndata:\n  values: {{ toJson .Values | quote }}\n${files.join('\n')}\n`);
      return { path: at('app'), helm: { valueFiles: [via], fileParameters: [{ name: 'f', path: via }] } };
    }
    case 'kustomize':
      repo.write(at('app/kustomization.yaml'), `resources:\n  - ${quoted}\n  - ../lib/cm.yaml\n`);
      return { path: at('app'), kustomize: { namePrefix: 'k-' } };
    default:
      repo.write(at('app/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n');
      return { path: at('app'), directory: { recurse: true } };
  }
}

describe('renders against hostile symlink graphs (fuzz)', () => {
  it('never put the canary outside the checkout into manifests or errors', async () => {
    await fc.assert(
      fc.asyncProperty(kinds, cases, async (kind, [graph, via]) => {
        const dir = `c${n++}`;
        const source = writeCase(dir, kind, graph, via);
        repo.commit();
        const answer = await service.generate({ source: { repoURL: repo.url, ...source }, appName: 'app', noCache: true }).then(
          (out) => JSON.stringify(out),
          (err: Error) => err.message,
        );
        // Each case alone in the tree, so one case's links never decide another's answer.
        repo.git('rm', '-rq', dir);
        expect({ kind, graph, via, leaked: answer.includes(CANARY) }).toEqual({ kind, graph, via, leaked: false });
      }),
      { numRuns: 48, seed },
    );
  });
});
