// cobra accepts `--cascade=false` for boolean flags; commander wants `--no-cascade`. Rewriting the
// known boolean flags keeps argocd's spelling working.
const BOOLEAN_FLAGS = new Set([
  'cascade',
  'auto-prune',
  'self-heal',
  'directory-recurse',
  'validate',
  'upsert',
  'prune',
  'dry-run',
  'async',
  'plaintext',
  'insecure',
  'yes',
  'in-cluster',
  'cluster-resources',
  'refresh',
  'hard-refresh',
  'sync',
  'health',
  'operation',
  'client',
  'exit-code',
]);

export function normalizeBooleanFlags(argv: readonly string[]): string[] {
  return argv.map((arg) => {
    const m = /^--([a-z][a-z-]*)=(true|false)$/i.exec(arg);
    if (!m || !BOOLEAN_FLAGS.has(m[1])) return arg;
    return m[2].toLowerCase() === 'true' ? `--${m[1]}` : `--no-${m[1]}`;
  });
}
