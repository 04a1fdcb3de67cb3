// Istio: the IstioOperator install resource, and the config kinds istiod writes a status on.
// IstioOperator: InstallStatus.status is NONE, UPDATING, RECONCILING, HEALTHY, ERROR (and ACTION_REQUIRED
// in later releases), written as a name or as its enum number, with a componentStatus map of
// {status, error} per component (https://istio.io/latest/docs/reference/config/istio.operator.v1alpha1/).
// Config kinds: status is written only with PILOT_ENABLE_STATUS / analysis on, so most clusters have
// none; when present it holds `conditions` (Reconciled False while the config is still being pushed to
// proxies, https://istio.io/latest/docs/reference/config/config-status/), `observedGeneration` (the
// generation Reconciled is about), and `validationMessages` from the analyzers, each with type.code
// (IST0101…) and level ERROR, WARNING or INFO (https://istio.io/latest/docs/reference/config/istio.analysis.v1alpha1/).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, asRecords, asString, getIn, isRecord, type JsonRecord } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, findCondition, isFalse, statusConditions } from './conditions';

/** InstallStatus.Status by enum number, for operators that serialise the number. */
const INSTALL_STATUS_NAMES = ['NONE', 'UPDATING', 'RECONCILING', 'HEALTHY', 'ERROR', 'ACTION_REQUIRED'];

const installStatusName = (v: unknown): string | undefined => {
  const n = asNumber(v);
  if (n !== undefined) return INSTALL_STATUS_NAMES[n];
  return asString(v)?.toUpperCase();
};

/** The components in a state other than HEALTHY, as `Name STATE: error`, in name order. */
function componentProblems(status: JsonRecord): string[] {
  const components = status.componentStatus;
  if (!isRecord(components)) return [];
  const out: string[] = [];
  for (const name of Object.keys(components).sort()) {
    const c = components[name];
    const state = installStatusName(getIn(c, 'status'));
    if (!state || state === 'HEALTHY' || state === 'NONE') continue;
    const error = asString(getIn(c, 'error'));
    out.push(`${name} ${state}${error ? `: ${error}` : ''}`);
  }
  return out;
}

const withComponents = (text: string, problems: string[]): string => (problems.length ? `${text} (${problems.join('; ')})` : text);

export function istioOperatorHealth(obj: KubeObject): HealthStatus {
  const status = getIn(obj, 'status');
  if (!isRecord(status)) return health('Progressing', 'Waiting for the Istio operator to report a status');
  const problems = componentProblems(status);
  switch (installStatusName(status.status)) {
    case 'HEALTHY':
      return health('Healthy', 'All Istio components are healthy');
    case 'UPDATING':
      return health('Progressing', withComponents('Istio components are being updated', problems));
    case 'RECONCILING':
      return health('Progressing', withComponents('Istio components are being reconciled', problems));
    case 'ERROR':
      return health('Degraded', withComponents('Istio components are in error', problems));
    case 'ACTION_REQUIRED':
      return health('Degraded', withComponents('Istio components need action from an operator', problems));
    case 'NONE':
      return health('Progressing', 'No Istio component is installed yet');
    default:
      return health('Progressing', 'Waiting for the Istio operator to report a status');
  }
}

/** An analysis message's level (ERROR=3, WARNING=8, INFO=12 as numbers; "Error"/"Warn" in older docs). */
const messageLevel = (m: JsonRecord): string => {
  const n = asNumber(m.level);
  if (n !== undefined) return n === 3 ? 'ERROR' : n === 8 ? 'WARNING' : n === 12 ? 'INFO' : 'UNKNOWN';
  return (asString(m.level) ?? '').toUpperCase();
};

/** `IST0101 ReferencedResourceNotFound: text`, from whichever of code, name and message the status has. */
function describeMessage(m: JsonRecord): string {
  const code = asString(getIn(m, 'type', 'code')) ?? asString(m.code) ?? '';
  const name = asString(getIn(m, 'type', 'name')) ?? '';
  const text = asString(m.message) ?? '';
  const head = [code, name].filter(Boolean).join(' ');
  return [head, text].filter(Boolean).join(': ') || 'an analyzer reported an error';
}

/**
 * A config kind's health: an ERROR analysis message is Degraded; a generation Reconciled is not yet
 * about, or Reconciled False, is Progressing; anything else (also no status at all, the default) is
 * Healthy, as istiod accepts config without writing status unless asked to.
 */
export function istioConfigHealth(obj: KubeObject): HealthStatus {
  const errors = asRecords(getIn(obj, 'status', 'validationMessages')).filter((m) => messageLevel(m) === 'ERROR');
  if (errors.length) return health('Degraded', errors.map(describeMessage).join('; '));
  const observed = asNumber(getIn(obj, 'status', 'observedGeneration'));
  const generation = obj.metadata?.generation;
  if (observed !== undefined && generation !== undefined && observed !== generation) {
    return health('Progressing', `Waiting for istiod to reconcile generation ${generation}`);
  }
  const reconciled = findCondition(statusConditions(obj), 'Reconciled');
  if (isFalse(reconciled))
    return health('Progressing', field(reconciled, 'message') || 'Configuration is still being distributed to proxies');
  return health('Healthy');
}

const CONFIG_KINDS: Record<string, string[]> = {
  'networking.istio.io': [
    'VirtualService',
    'DestinationRule',
    'Gateway',
    'ServiceEntry',
    'Sidecar',
    'WorkloadEntry',
    'WorkloadGroup',
    'EnvoyFilter',
    'ProxyConfig',
  ],
  'security.istio.io': ['PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication'],
  'telemetry.istio.io': ['Telemetry'],
  'extensions.istio.io': ['WasmPlugin'],
};

export const istioHealthChecks: Record<string, HealthCheck> = {
  'install.istio.io/IstioOperator': istioOperatorHealth,
  ...Object.fromEntries(
    Object.entries(CONFIG_KINDS).flatMap(([group, kinds]) => kinds.map((kind) => [`${group}/${kind}`, istioConfigHealth])),
  ),
};
