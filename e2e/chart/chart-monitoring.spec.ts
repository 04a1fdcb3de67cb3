import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChartHub, CHART, CI_VALUES, find, K8sObject, startChartHub } from './chart.harness';

// controller.metrics.rules (a PrometheusRule) and global.dashboards (a Grafana dashboard): every metric
// their expressions query is one a Flotilla service registers, so no alert or panel waits on a metric
// nobody exports.

const ROOT = resolve(__dirname, '../..');
const OPERATOR = ['--api-versions', 'monitoring.coreos.com/v1'];
const RULES_ON = ['--set', 'controller.metrics.enabled=true', '--set', 'controller.metrics.rules.enabled=true'];

/** Every .ts file under dir, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The names the services register with prom-client (through MetricsRegistry), and what each series may be called. */
function exportedSeries(): Set<string> {
  const dirs = [
    ...readdirSync(join(ROOT, 'services')).map((s) => join(ROOT, 'services', s, 'src')),
    ...readdirSync(join(ROOT, 'libs')).map((l) => join(ROOT, 'libs', l, 'src')),
  ].filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
  const series = new Set<string>();
  for (const file of dirs.flatMap(sources)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\.(counter|gauge|histogram)\(\{\s*name:\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g)) {
      const [, type, name] = m;
      series.add(name);
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) series.add(name + suffix);
    }
  }
  return series;
}

const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

/** The metric names a PromQL expression reads: identifiers left once strings, matchers, ranges, groupings and calls are gone. */
function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .filter((m) => !/^\s*\(/.test(bare.slice((m.index ?? 0) + m[0].length)))
    .map((m) => m[0])
    .filter((w) => !PROMQL_WORDS.has(w));
}

const exported = exportedSeries();
const unexported = (exprs: string[]) => [...new Set(exprs.flatMap(metricsOf))].filter((name) => !exported.has(name));

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
}
const rulesOf = (objects: K8sObject[]): Rule[] =>
  (find(objects, 'PrometheusRule', 'argocd-application-controller').spec as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

let hub: ChartHub;
beforeAll(async () => (hub = await startChartHub()));
afterAll(() => hub?.stop());

describe('reading metric names', () => {
  it('finds the metrics the services register, and a name nobody registers', () => {
    for (const name of [
      'argocd_app_info',
      'argocd_app_sync_total',
      'argocd_cluster_connection_status',
      'argocd_app_reconcile_bucket',
      'grpc_server_handled_total',
      'flotilla_queue_jobs',
      'flotilla_queue_oldest_waiting_seconds',
      'flotilla_shards',
      'flotilla_shard_owned',
    ])
      expect(exported).toContain(name);
    expect(
      metricsOf('sum by (le) (rate(argocd_app_reconcile_bucket{a="b(c)"}[$__rate_interval])) > 0 and on (x) flotilla_queue_waiting'),
    ).toEqual(['argocd_app_reconcile_bucket', 'flotilla_queue_waiting']);
    expect(unexported(['sum(flotilla_queue_waiting) > 100'])).toEqual(['flotilla_queue_waiting']);
  });
});

describe('controller.metrics.rules', () => {
  it("makes a PrometheusRule with Flotilla's alerts, each on a metric a service exports", async () => {
    const rules = rulesOf(await hub.template('argocd', [...OPERATOR, ...RULES_ON]));
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'FlotillaAppOutOfSync',
        'FlotillaAppDegraded',
        'FlotillaAppSyncFailed',
        'FlotillaClusterUnreachable',
        'FlotillaRepoServerErrors',
        'FlotillaQueueBacklog',
        'FlotillaShardWithoutOwner',
      ]),
    );
    for (const rule of rules) {
      expect(metricsOf(rule.expr).length).toBeGreaterThan(0);
      expect(rule.labels?.severity).toMatch(/^(warning|critical)$/);
    }
    expect(unexported(rules.map((r) => r.expr))).toEqual([]);
    expect(rules.find((r) => r.alert === 'FlotillaAppOutOfSync')?.for).toBe('30m');
    expect(metricsOf(rules.find((r) => r.alert === 'FlotillaQueueBacklog')!.expr)).toEqual(['flotilla_queue_jobs']);
    expect(metricsOf(rules.find((r) => r.alert === 'FlotillaShardWithoutOwner')!.expr)).toEqual(['flotilla_shard_owned']);
    expect(rules.find((r) => r.alert === 'FlotillaShardWithoutOwner')?.for).toBe('5m');
  });

  it('takes spec instead of its own alerts, with the selector labels Prometheus picks rules by', async () => {
    const objects = await hub.template('argocd', [...OPERATOR, '-f', join(CI_VALUES, 'all-keys-values.yaml')]);
    const rule = find(objects, 'PrometheusRule', 'gitops-application-controller');
    expect(rule.metadata.labels).toMatchObject({ release: 'prometheus', 'example.com/rules': 'yes' });
    const alerts = (rule.spec as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
    expect(alerts.map((r) => r.alert)).toEqual(['FlotillaAppDegradedLong']);
    expect(unexported(alerts.map((r) => r.expr))).toEqual([]);
  });

  it('makes none where the cluster serves no monitoring.coreos.com/v1, and NOTES says so', async () => {
    expect((await hub.template('argocd', RULES_ON)).filter((o) => o.kind === 'PrometheusRule')).toEqual([]);
    expect((await hub.template('argocd', OPERATOR)).filter((o) => o.kind === 'PrometheusRule')).toEqual([]);
    expect(await hub.notes('argocd', RULES_ON)).toContain(
      'controller.metrics.rules.enabled: the cluster serves no monitoring.coreos.com/v1',
    );
  });

  it.each([
    [['--set', 'controller.metrics.rules.enabled=maybe'], 'controller.metrics.rules.enabled'],
    [['--set', 'controller.metrics.rules.spec=alerts'], 'controller.metrics.rules.spec'],
    [['--set', 'global.dashboards.enabled=maybe'], 'global.dashboards.enabled'],
  ])('%j fails helm install naming %s', async (args, key) => {
    const r = await hub.helm(['install', 'argocd', CHART, '--namespace', hub.namespace, '--dry-run=server', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`- ${key}:`);
  });
});

describe('the Grafana dashboard', () => {
  const text = readFileSync(join(CHART, 'dashboards/flotilla.json'), 'utf8');

  it('parses, and every panel queries metrics a service exports', () => {
    const dashboard = JSON.parse(text) as { uid: string; panels: { title: string; targets: { expr: string }[] }[] };
    expect(dashboard.uid).toBe('flotilla');
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    const read = new Set(exprs.flatMap(metricsOf));
    for (const name of ['flotilla_queue_jobs', 'flotilla_queue_oldest_waiting_seconds', 'flotilla_shards', 'flotilla_shard_owned']) expect(read).toContain(name);
    for (const expr of exprs) expect(metricsOf(expr).length).toBeGreaterThan(0);
    expect(unexported(exprs)).toEqual([]);
  });

  it('is a ConfigMap labelled grafana_dashboard: "1" with global.dashboards.enabled, and none by default', async () => {
    const objects = await hub.template('argocd', ['-f', join(CI_VALUES, 'all-keys-values.yaml')]);
    const cm = find(objects, 'ConfigMap', 'gitops-dashboard');
    expect(cm.metadata.labels).toMatchObject({ grafana_dashboard: '1', 'example.com/dashboard': 'yes' });
    expect(JSON.parse((cm.data as Record<string, string>)['flotilla.json'])).toEqual(JSON.parse(text));
    expect((await hub.template('argocd', [])).filter((o) => o.metadata.name.endsWith('-dashboard'))).toEqual([]);
  });
});
