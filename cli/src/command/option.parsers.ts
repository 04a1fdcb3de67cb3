// Value parsers for commander options that argocd's cobra flags have built in.
import { InvalidArgumentError } from 'commander';
import { CliError } from '../output/cli.error';

/** For repeatable flags (`--label a=b --label c=d`), like cobra's StringArray. */
export const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number of seconds, got "${value}"`);
  return n;
}

/** `--cascade=false` style booleans. */
export function booleanValue(value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new InvalidArgumentError(`expected true or false, got "${value}"`);
}

export function oneOf<T extends string>(...allowed: T[]): (value: string) => T {
  return (value) => {
    if (!allowed.includes(value as T)) throw new InvalidArgumentError(`unknown output format: ${value} (one of: ${allowed.join('|')})`);
    return value as T;
  };
}

/** `k=v` pairs (labels, annotations) into a map; a pair without `=` is an error naming it. */
export function parseKeyValues(pairs: readonly string[] = [], what = 'label'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new CliError(`${what} should have key=value format: ${pair}`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}
