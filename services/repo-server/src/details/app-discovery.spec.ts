import * as grpc from '@grpc/grpc-js';
import type { GitTreeEntry } from '../git/git-repository.client';
import { statusFor } from '../grpc/repo-server.grpc-handler';
import { CheckoutTree } from '../workspace/checkout-paths';
import { discoverApps, DiscoveryLimitError } from './app-discovery';
import { chartValueFiles } from './helm-app-spec';
import { imagesOf } from './kustomize-images';

/** A commit's tree: `path` → file text, or `{ link }` for a symlink's target. */
function tree(files: Record<string, string | { link: string }>): CheckoutTree {
  const entries: GitTreeEntry[] = Object.keys(files).map((path, i) => ({ path, sha: String(i).padStart(40, '0'), mode: typeof files[path] === 'string' ? '100644' : '120000', size: 1 }));
  const links = new Map(Object.entries(files).flatMap(([p, v]) => (typeof v === 'string' ? [] : [[p, v.link] as [string, string]])));
  return new CheckoutTree(entries, links);
}

const bounds = { maxEntries: 1000, deadline: Number.MAX_SAFE_INTEGER };

describe('discoverApps', () => {
  it("reports Helm and Kustomize directories as Argo's walk does: the later name in byte order wins in a directory", () => {
    const apps = discoverApps(
      tree({
        'Chart.yaml': '',
        'a/kustomization.yml': '',
        'b/Kustomization': '',
        'both/Chart.yaml': '',
        'both/kustomization.yaml': '',
        // `values-Chart.yaml` ends in Chart.yaml and sorts after `kustomization.yaml`.
        'odd/kustomization.yaml': '',
        'odd/values-Chart.yaml': '',
        'deep/x/y/z/Chart.yaml': '',
        'plain/cm.yaml': '',
        'notes/chart.yaml': '',
      }),
      bounds,
    );
    expect(apps).toEqual({ '.': 'Helm', a: 'Kustomize', b: 'Kustomize', both: 'Kustomize', odd: 'Helm', 'deep/x/y/z': 'Helm' });
  });

  it('looks at a link by its own name, never follows it into a directory, and leaves out links that lead out or loop', () => {
    const apps = discoverApps(
      tree({
        'real/Chart.yaml': '',
        alias: { link: 'real' },
        'linked/kustomization.yaml': { link: '../real/Chart.yaml' },
        'out/Chart.yaml': { link: '/etc/passwd' },
        'climb/kustomization.yaml': { link: '../../outside/kustomization.yaml' },
        'loop/Chart.yaml': { link: 'Chart.yaml' },
      }),
      bounds,
    );
    expect(apps).toEqual({ real: 'Helm', linked: 'Kustomize' });
  });

  it('stops at the bounds, naming them, and the bounds answer as gRPC codes a caller can tell apart', () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`d${i}/Chart.yaml`, '']));
    const big = (): unknown => discoverApps(tree(files), { ...bounds, maxEntries: 9 });
    expect(big).toThrow('the repository holds 10 files, over the 9 files application discovery walks');
    let now = 0;
    const slow = (): unknown => discoverApps(tree(files), { maxEntries: 100, deadline: 5, now: () => (now += 10) });
    expect(slow).toThrow('application discovery ran out of time after 0 of 10 files');
    expect(statusFor(new DiscoveryLimitError('entries', 'x')).code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(statusFor(new DiscoveryLimitError('time', 'x')).code).toBe(grpc.status.DEADLINE_EXCEEDED);
  });
});

describe('GetAppDetails helpers', () => {
  it("lists a chart's value files as Argo does: any depth, `values` in the name, .yaml or .yml, in walk order", () => {
    expect(chartValueFiles(['values.yaml', 'Chart.yaml', 'ci/values-ci.YML', 'a-values.yaml', 'a/values.yaml', 'templates/deploy.yaml', 'my-values.json'])).toEqual([
      'a/values.yaml',
      'a-values.yaml',
      'ci/values-ci.YML',
      'values.yaml',
    ]);
  });

  it('collects the images of containers and initContainers anywhere in the manifests, sorted', () => {
    const pod = { spec: { initContainers: [{ image: 'busybox:1' }], containers: [{ image: 'nginx:2' }, { name: 'no-image' }] } };
    const cronJob = { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: 'alpine:3' }] } } } } } };
    expect(imagesOf([pod, cronJob, { kind: 'ConfigMap', data: { containers: 'x' } }])).toEqual(['alpine:3', 'busybox:1', 'nginx:2']);
  });
});
