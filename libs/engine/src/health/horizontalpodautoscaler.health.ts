// autoscaling/HorizontalPodAutoscaler (gitops-engine pkg/health/health_hpa.go): autoscaling/v2 reads status.conditions,
// autoscaling/v1 the conditions annotation, decoded as Go's encoding/json decodes it; other versions are unsupported.
// Any failing condition makes it Degraded, before any AbleToScale or ScalingLimited True makes it Healthy.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asRecords, getIn, isRecord } from '../object/json-value';
import { health } from './health-check';
import { requireVersion } from './served-versions';

interface HpaCondition {
  Type: string;
  Reason: string;
  Message: string;
  Status: string;
}

const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
const WAITING = health('Progressing', 'Waiting to Autoscale');
const DEGRADED = new Set([
  'AbleToScale/FailedGetScale',
  'AbleToScale/FailedUpdateScale',
  'ScalingActive/FailedGetResourceMetric',
  'ScalingActive/FailedGetObjectMetric',
  'ScalingActive/FailedGetPodsMetric',
  'ScalingActive/FailedGetExternalMetric',
  'ScalingActive/FailedComputeMetricsReplicas',
  'ScalingActive/InvalidSelector',
]);
const HEALTHY_TYPES = new Set(['AbleToScale', 'ScalingLimited']);
const FIELDS: (keyof HpaCondition)[] = ['Type', 'Reason', 'Message', 'Status'];

/** The JSON kind Go's decoder names in a type error. */
const jsonKind = (v: unknown): string =>
  Array.isArray(v) ? 'array' : isRecord(v) ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : 'string';

const decodeError = (detail: string): Error => new Error(`failed to convert conditions annotation to typed: ${detail}`);

/** One condition as Go fills a struct: keys matched without case, null leaves a field empty, other types fail. */
function decodeCondition(v: unknown): HpaCondition {
  const cond: HpaCondition = { Type: '', Reason: '', Message: '', Status: '' };
  if (v === null) return cond;
  if (!isRecord(v)) throw decodeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type health.hpaCondition`);
  for (const [key, value] of Object.entries(v)) {
    const field = FIELDS.find((f) => f === key) ?? FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
    if (!field || value === null) continue;
    if (typeof value !== 'string') {
      throw decodeError(`json: cannot unmarshal ${jsonKind(value)} into Go struct field hpaCondition.${field} of type string`);
    }
    cond[field] = value;
  }
  return cond;
}

// What Go's scanner was looking for, by what V8 says it expected at the same place.
const SCAN_CONTEXTS: [RegExp, string][] = [
  [/Expected property name/, 'looking for beginning of object key string'],
  [/Expected ':' after property name/, 'after object key'],
  [/after property value/, 'after object key:value pair'],
  [/after array element/, 'after array element'],
  [/non-whitespace character after JSON/, 'after top-level value'],
  [/Bad control character/, 'in string literal'],
];

/** A character as Go's scanner quotes it in an error: '"' and '\\'' as they are, others as Go literals. */
const quoteChar = (c: string): string => (c === "'" ? "'\\''" : c === '"' ? `'"'` : `'${JSON.stringify(c).slice(1, -1)}'`);

/** Go's encoding/json words for a syntax error V8's JSON.parse reported. */
function goSyntaxError(text: string, v8Message: string): string {
  const at = /at position (\d+)/.exec(v8Message);
  const pos = at ? Number(at[1]) : -1;
  if (text.trim() === '' || /end of JSON input|Unterminated/.test(v8Message) || pos >= text.length) return 'unexpected end of JSON input';
  const token = /^Unexpected token '(.)'/.exec(v8Message);
  if (token) return `invalid character ${quoteChar(token[1])} looking for beginning of value`;
  if (pos < 0) return v8Message;
  const context = SCAN_CONTEXTS.find(([re]) => re.test(v8Message))?.[1] ?? 'looking for beginning of value';
  return `invalid character ${quoteChar(text[pos])} ${context}`;
}

function v1Conditions(obj: KubeObject): HpaCondition[] {
  const text = obj.metadata?.annotations?.[CONDITIONS_ANNOTATION];
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw decodeError(goSyntaxError(text, (err as Error).message));
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed)) throw decodeError(`json: cannot unmarshal ${jsonKind(parsed)} into Go value of type []health.hpaCondition`);
  return parsed.map(decodeCondition);
}

const v2Conditions = (obj: KubeObject): HpaCondition[] =>
  asRecords(getIn(obj, 'status', 'conditions')).map((c) => ({
    Type: typeof c.type === 'string' ? c.type : '',
    Reason: typeof c.reason === 'string' ? c.reason : '',
    Message: typeof c.message === 'string' ? c.message : '',
    Status: typeof c.status === 'string' ? c.status : '',
  }));

export function horizontalPodAutoscalerHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'HPA', ['v1', 'v2']);
  const conditions = obj.apiVersion === 'autoscaling/v1' ? v1Conditions(obj) : v2Conditions(obj);
  const degraded = conditions.find((c) => DEGRADED.has(`${c.Type}/${c.Reason}`));
  if (degraded) return health('Degraded', degraded.Message);
  const healthy = conditions.find((c) => HEALTHY_TYPES.has(c.Type) && c.Status === 'True');
  if (healthy) return health('Healthy', healthy.Message);
  return WAITING;
}
