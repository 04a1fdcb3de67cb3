// The shape an Application must have before anything reads its fields. The CRD's schema catches most
// of this on the hub, but objects stored under an older or looser CRD, or written where no schema is
// enforced, reach the controller anyway: each problem becomes an InvalidSpecError on that Application
// (as Argo's controller reports it) instead of a TypeError that stops every other app.
import { ConditionType, type Application, type ApplicationCondition } from '@flotilla/api-types';

type Problems = string[];

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function expectString(parent: Record<string, unknown>, key: string, path: string, out: Problems, required = false): void {
  const v = parent[key];
  if (v === undefined) {
    if (required) out.push(`${path}.${key} is required`);
  } else if (typeof v !== 'string') out.push(`${path}.${key} must be a string, not ${kindOf(v)}`);
}

function expectStrings(parent: Record<string, unknown>, key: string, path: string, out: Problems): void {
  const v = parent[key];
  if (v === undefined) return;
  if (!Array.isArray(v)) out.push(`${path}.${key} must be a list of strings, not ${kindOf(v)}`);
  else v.forEach((s, i) => typeof s !== 'string' && out.push(`${path}.${key}[${i}] must be a string, not ${kindOf(s)}`));
}

/** Fields read as objects when present (absent is fine). */
function expectObject(parent: Record<string, unknown>, key: string, path: string, out: Problems): Record<string, unknown> | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    out.push(`${path}.${key} must be an object, not ${kindOf(v)}`);
    return undefined;
  }
  return v;
}

function checkSource(source: unknown, path: string, out: Problems): void {
  if (!isObject(source)) {
    out.push(`${path} must be an object, not ${kindOf(source)}`);
    return;
  }
  expectString(source, 'repoURL', path, out, true);
  for (const key of ['path', 'targetRevision', 'chart', 'ref', 'name']) expectString(source, key, path, out);
  for (const key of ['helm', 'kustomize', 'directory', 'plugin']) expectObject(source, key, path, out);
}

function checkSources(spec: Record<string, unknown>, out: Problems): void {
  const { source, sources } = spec;
  if (sources !== undefined && !Array.isArray(sources)) out.push(`spec.sources must be a list, not ${kindOf(sources)}`);
  const many = Array.isArray(sources) && sources.length > 0;
  // As in Argo, a non-empty spec.sources replaces spec.source, so only what is used is checked.
  if (many) sources.forEach((s, i) => checkSource(s, `spec.sources[${i}]`, out));
  else if (source === undefined || source === null) out.push('spec.source or spec.sources is required');
  else checkSource(source, 'spec.source', out);
}

function checkDestination(spec: Record<string, unknown>, out: Problems): void {
  const destination = spec.destination;
  if (destination === undefined || destination === null) {
    out.push('spec.destination is required');
    return;
  }
  if (!isObject(destination)) {
    out.push(`spec.destination must be an object, not ${kindOf(destination)}`);
    return;
  }
  for (const key of ['server', 'name', 'namespace']) expectString(destination, key, 'spec.destination', out);
  expectStrings(destination, 'servers', 'spec.destination', out);
}

function checkSyncPolicy(spec: Record<string, unknown>, out: Problems): void {
  const policy = expectObject(spec, 'syncPolicy', 'spec', out);
  if (!policy) return;
  expectObject(policy, 'automated', 'spec.syncPolicy', out);
  expectObject(policy, 'retry', 'spec.syncPolicy', out);
  expectObject(policy, 'managedNamespaceMetadata', 'spec.syncPolicy', out);
  expectStrings(policy, 'syncOptions', 'spec.syncPolicy', out);
}

function checkList(spec: Record<string, unknown>, key: string, out: Problems): void {
  const v = spec[key];
  if (v === undefined) return;
  if (!Array.isArray(v)) out.push(`spec.${key} must be a list, not ${kindOf(v)}`);
  else v.forEach((item, i) => !isObject(item) && out.push(`spec.${key}[${i}] must be an object, not ${kindOf(item)}`));
}

/** What is wrong with the Application's spec, one message per field, each naming it; empty when usable. */
export function applicationSpecProblems(app: Application): string[] {
  const spec: unknown = app.spec;
  if (spec === undefined || spec === null) return ['spec is required'];
  if (!isObject(spec)) return [`spec must be an object, not ${kindOf(spec)}`];
  const out: Problems = [];
  expectString(spec, 'project', 'spec', out, true);
  checkDestination(spec, out);
  checkSources(spec, out);
  checkSyncPolicy(spec, out);
  checkList(spec, 'ignoreDifferences', out);
  checkList(spec, 'info', out);
  return out;
}

/** The InvalidSpecError conditions for those problems. */
export function invalidSpecConditions(problems: string[]): ApplicationCondition[] {
  return problems.map((p) => ({ type: ConditionType.InvalidSpecError, message: `Application spec is invalid: ${p}` }));
}

/** The app's destination when it is one the controller can read, so routing never trips on a malformed one. */
export function readableDestination(app: Application): Application['spec']['destination'] | undefined {
  const spec: unknown = app.spec;
  const destination = isObject(spec) ? spec.destination : undefined;
  return isObject(destination) ? (destination) : undefined;
}
