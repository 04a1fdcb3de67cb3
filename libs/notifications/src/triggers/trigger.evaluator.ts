import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CompiledExpr, ExprEnv, ExprSyntaxError } from './expr.evaluator';

// A trigger is a list of conditions; each that holds sends its templates. Semantics follow
// notifications-engine's pkg/triggers: a condition's identity is `[i].<sha1(when)>`, a failing `when`
// counts as not triggered, and `oncePer` (formatted like Go's %v) narrows the event.

const conditionSchema = z.array(
  z.object({
    when: z.string().optional(),
    send: z.array(z.string()).default([]),
    oncePer: z.string().optional(),
    description: z.string().optional(),
  }),
);

export interface TriggerCondition {
  /** `[i].<hash of when>`: the condition's part of a notified-state key. */
  readonly key: string;
  readonly when: CompiledExpr;
  readonly oncePer?: CompiledExpr;
  readonly send: readonly string[];
  readonly description?: string;
  /**
   * The condition looks at the sync operation, so each operation (startedAt + phase) is its own event:
   * two syncs of one revision notify twice, and a sync seen only once it finished still notifies.
   */
  readonly operationScoped: boolean;
}

export interface Trigger {
  readonly name: string;
  readonly conditions: readonly TriggerCondition[];
}

export interface ConditionResult {
  readonly condition: TriggerCondition;
  readonly triggered: boolean;
  /** Evaluated `oncePer`, '' when the condition has none (or it failed). */
  readonly oncePer: string;
  /** Identity of the sync operation for operation-scoped conditions, '' otherwise. */
  readonly operation: string;
  /** Why `when` or `oncePer` could not be evaluated; the condition then reads as not triggered. */
  readonly error?: string;
}

/** A trigger definition that cannot be used; the message names the trigger and the condition. */
export class TriggerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriggerConfigError';
  }
}

export const sha1Base64Url = (text: string): string => createHash('sha1').update(text).digest('base64url');

/** Parses the YAML of a `trigger.<name>` key and compiles its expressions. */
export function compileTrigger(name: string, yamlText: string): Trigger {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (err) {
    throw new TriggerConfigError(`trigger ${JSON.stringify(name)}: invalid YAML: ${(err as Error).message}`);
  }
  const parsed = conditionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TriggerConfigError(`trigger ${JSON.stringify(name)}: expected a list of {when, send, oncePer, description}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const conditions = parsed.data.map((c, i) => {
    const when = compileField(name, i, 'when', c.when || 'false');
    const oncePer = c.oncePer ? compileField(name, i, 'oncePer', c.oncePer) : undefined;
    return {
      key: `[${i}].${sha1Base64Url(c.when ?? '')}`,
      when,
      oncePer,
      send: c.send,
      description: c.description,
      operationScoped: when.readsPath('app', 'status', 'operationState'),
    };
  });
  return { name, conditions };
}

function compileField(trigger: string, index: number, field: string, source: string): CompiledExpr {
  try {
    return CompiledExpr.compile(source);
  } catch (err) {
    const reason = err instanceof ExprSyntaxError ? err.message : String(err);
    throw new TriggerConfigError(`trigger ${JSON.stringify(trigger)} condition [${index}] ${field}: ${reason} in ${JSON.stringify(source)}`);
  }
}

/** Evaluates every condition of `trigger` against `vars` (`app`, `context`…). */
export function runTrigger(trigger: Trigger, vars: Record<string, unknown>, now: () => Date): ConditionResult[] {
  const env: ExprEnv = { vars, now };
  return trigger.conditions.map((condition) => {
    let triggered: boolean;
    try {
      triggered = condition.when.evaluate(env) === true;
    } catch (err) {
      return { condition, triggered: false, oncePer: '', operation: '', error: `when: ${(err as Error).message}` };
    }
    if (!triggered) return { condition, triggered, oncePer: '', operation: '' };
    const operation = condition.operationScoped ? operationIdentity(vars.app) : '';
    if (!condition.oncePer) return { condition, triggered, oncePer: '', operation };
    try {
      return { condition, triggered, oncePer: formatLikeGo(condition.oncePer.evaluate(env)), operation };
    } catch (err) {
      return { condition, triggered, oncePer: '', operation, error: `oncePer: ${(err as Error).message}` };
    }
  });
}

/** One sync operation: when it started and how it ended (hashed so the key stays short and colon-free). */
function operationIdentity(app: unknown): string {
  const state = (app as { status?: { operationState?: { startedAt?: unknown; phase?: unknown } } } | undefined)?.status?.operationState;
  if (!state || typeof state.startedAt !== 'string') return '';
  return sha1Base64Url(`${state.startedAt}|${String(state.phase)}`).slice(0, 12);
}

function formatLikeGo(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
