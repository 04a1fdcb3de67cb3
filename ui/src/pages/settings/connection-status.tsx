// A repository's or cluster's connection state as Argo shows it: the status, and the message when there is one.
type State = { status?: string; message?: string; attemptedAt?: string } | undefined;

const CLASS: Record<string, string> = { Successful: 'ok', Failed: 'bad', Unknown: 'unknown' };
const ICON: Record<string, string> = { Successful: '✔', Failed: '✖', Unknown: '?' };

export function ConnectionStatus({ state }: { state: State }) {
  const status = state?.status || 'Unknown';
  return (
    <span
      className={`status status-${CLASS[status] ?? 'unknown'}`}
      title={state?.attemptedAt ? `Attempted at ${state.attemptedAt}` : undefined}
    >
      <span aria-hidden="true">{ICON[status] ?? '?'}</span> {status}
      {state?.message && <span className="muted"> — {state.message}</span>}
    </span>
  );
}
