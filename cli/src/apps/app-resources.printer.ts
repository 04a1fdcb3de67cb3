// The resource table of `app get`/`app sync`/`app wait`: the last operation's results first (with
// the live sync/health status where known), then every other resource, as argocd lists them.
import type { Application, ResourceStatus, SyncOperationResource } from '@flotilla/api-types';
import { formatTable } from '../output/tab-writer';

export interface ResourceState {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  status: string;
  health: string;
  hook: string;
  message: string;
}

/** A selection from `--resource GROUP:KIND:NAME` (or `!…` to exclude); `*` matches anything. */
export interface ResourceFilter extends SyncOperationResource {
  exclude?: boolean;
}

const keyOf = (r: { group?: string; kind: string; namespace?: string; name: string }): string => `${r.group ?? ''}/${r.kind}/${r.namespace ?? ''}/${r.name}`;

export function resourceStates(app: Application, selected: readonly ResourceFilter[] = []): ResourceState[] {
  const byKey = new Map<string, ResourceStatus>((app.status?.resources ?? []).map((r) => [keyOf(r), r]));
  const states: ResourceState[] = [];
  for (const res of app.status?.operationState?.syncResult?.resources ?? []) {
    const key = keyOf(res);
    const live = byKey.get(key);
    const fromLive = live && !res.hookType;
    states.push({
      group: res.group,
      kind: res.kind,
      namespace: res.namespace,
      name: res.name,
      status: fromLive ? (live.status ?? '') : (res.hookPhase ?? ''),
      health: fromLive ? (live.health?.status ?? '') : (res.status ?? ''),
      hook: res.hookType ?? '',
      message: res.message ?? '',
    });
    byKey.delete(key);
  }
  const rest = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, res] of rest) {
    states.push({ group: res.group ?? '', kind: res.kind, namespace: res.namespace ?? '', name: res.name, status: res.status ?? '', health: res.health?.status ?? '', hook: '', message: '' });
  }
  return selected.length > 0 ? states.filter((s) => includeResource(s, selected)) : states;
}

const matches = (pattern: string | undefined, value: string): boolean => pattern === undefined || pattern === '*' || pattern === value;

/** argocd's IncludeResource: excluded by any `!` filter, else included by any plain one (or all when only excludes). */
export function includeResource(res: { group: string; kind: string; namespace: string; name: string }, filters: readonly ResourceFilter[]): boolean {
  const hit = (f: ResourceFilter): boolean =>
    matches(f.group, res.group) && matches(f.kind, res.kind) && matches(f.name, res.name) && (!f.namespace || matches(f.namespace, res.namespace));
  if (filters.some((f) => f.exclude && hit(f))) return false;
  const includes = filters.filter((f) => !f.exclude);
  return includes.length === 0 || includes.some(hit);
}

/** Parses `GROUP:KIND:NAME` or `GROUP:KIND:NAMESPACE/NAME`, `!` in front to exclude. */
export function parseResourceFilters(specs: readonly string[]): ResourceFilter[] {
  return specs.map((spec) => {
    const exclude = spec.startsWith('!');
    const body = exclude ? spec.slice(1) : spec;
    const fields = body.split(':');
    if (fields.length !== 3) throw new Error(`resource should have GROUP:KIND:NAME, but instead got: ${body}`);
    const [group, kind, nameField] = fields;
    const nameParts = nameField.split('/');
    if (nameParts.length > 2) throw new Error(`resource with namespace should have GROUP:KIND:NAMESPACE/NAME, but instead got: ${body}`);
    const [namespace, name] = nameParts.length === 2 ? nameParts : ['', nameParts[0]];
    return { group, kind, name, namespace, ...(exclude ? { exclude } : {}) };
  });
}

export function formatResourceTable(states: readonly ResourceState[]): string {
  const rows = states.map((s) => [s.group, s.kind, s.namespace, s.name, s.status, s.health, s.hook, s.message]);
  return formatTable([['GROUP', 'KIND', 'NAMESPACE', 'NAME', 'STATUS', 'HEALTH', 'HOOK', 'MESSAGE'], ...rows]);
}

/** One progress line while waiting: argocd's fixed-width `TIMESTAMP GROUP KIND …` rows. */
export function formatProgressLine(cells: readonly string[]): string {
  const widths = [25, 5, 10, 10, 20, 8, 7, 10];
  return cells.map((c, i) => (i < widths.length ? (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])) : c)).join('  ') + '\n';
}

export const progressHeader = (): string => formatProgressLine(['TIMESTAMP', 'GROUP', 'KIND', 'NAMESPACE', 'NAME', 'STATUS', 'HEALTH', 'HOOK', 'MESSAGE']);

/** Local time as RFC 3339 with offset (Go's "2006-01-02T15:04:05-07:00"). */
export function rfc3339Local(d = new Date()): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const pad = (n: number): string => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

export const progressRow = (s: ResourceState, now = new Date()): string =>
  formatProgressLine([rfc3339Local(now), s.group, s.kind, s.namespace, s.name, s.status, s.health, s.hook, s.message]);
