// Argo CD's sync and health states as icons with their names (the name is the accessible label).
const HEALTH: Record<string, { icon: string; cls: string }> = {
  Healthy: { icon: '♥', cls: 'ok' },
  Progressing: { icon: '◌', cls: 'progress' },
  Degraded: { icon: '✖', cls: 'bad' },
  Suspended: { icon: '⏸', cls: 'warn' },
  Missing: { icon: '?', cls: 'warn' },
  Unknown: { icon: '?', cls: 'unknown' },
};
const SYNC: Record<string, { icon: string; cls: string }> = {
  Synced: { icon: '✔', cls: 'ok' },
  OutOfSync: { icon: '↑', cls: 'warn' },
  Unknown: { icon: '?', cls: 'unknown' },
};

export function HealthStatus({ status }: { status?: string }) {
  const s = status || 'Unknown';
  const v = HEALTH[s] ?? HEALTH.Unknown;
  return (
    <span className={`status status-${v.cls}`} title={`Health: ${s}`}>
      <span aria-hidden="true">{v.icon}</span> {s}
    </span>
  );
}

export function SyncStatus({ status }: { status?: string }) {
  const s = status || 'Unknown';
  const v = SYNC[s] ?? SYNC.Unknown;
  return (
    <span className={`status status-${v.cls}`} title={`Sync: ${s}`}>
      <span aria-hidden="true">{v.icon}</span> {s}
    </span>
  );
}

export function OperationPhase({ phase }: { phase?: string }) {
  if (!phase) return null;
  const cls = phase === 'Succeeded' ? 'ok' : phase === 'Running' || phase === 'Terminating' ? 'progress' : 'bad';
  return <span className={`status status-${cls}`}>{phase}</span>;
}
