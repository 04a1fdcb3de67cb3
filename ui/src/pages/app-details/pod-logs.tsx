// The logs of a Pod, or of every pod under a workload (Deployment, ReplicaSet, StatefulSet, …), from
// the API's PodLogs: the last lines at once, or followed live through an EventSource; a container
// selector, a search box that filters the lines shown, and a download of everything received.
import { useEffect, useMemo, useState } from 'react';
import { resourcesApi, type LogEntry, type ResourceNode } from '../../api/resources.api';

const TAIL_LINES = 1000;

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const MAX_LINES = 10_000;

type Phase = 'loading' | 'loaded' | 'following' | 'closed' | 'error';

interface Props {
  app: string;
  appNamespace?: string;
  node: ResourceNode;
  /** The containers of the pod template (or pod), from the live manifest. */
  containers: string[];
}

export function PodLogs({ app, appNamespace, node, containers }: Props) {
  const [container, setContainer] = useState(containers[0] ?? '');
  const [follow, setFollow] = useState(false);
  const [search, setSearch] = useState('');
  const [lines, setLines] = useState<LogEntry[]>([]);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<string>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!container && containers[0]) setContainer(containers[0]);
  }, [container, containers]);

  useEffect(() => {
    const target =
      node.kind === 'Pod' && !node.group
        ? { podName: node.name, namespace: node.namespace }
        : { kind: node.kind, group: node.group, resourceName: node.name, namespace: node.namespace };
    const url = resourcesApi.logsUrl(app, { appNamespace, ...target, container: container || undefined, tailLines: TAIL_LINES, follow });
    setLines([]);
    setError(undefined);
    if (!follow) {
      const abort = new AbortController();
      setPhase('loading');
      resourcesApi.logs(url, abort.signal).then(
        (entries) => {
          setLines(entries);
          setPhase('loaded');
        },
        (err: Error) => {
          if (abort.signal.aborted) return;
          setError(err.message);
          setPhase('error');
        },
      );
      return () => abort.abort();
    }
    setPhase('following');
    const source = new EventSource(url, { withCredentials: true });
    let buffer: LogEntry[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      const batch = buffer;
      buffer = [];
      setLines((prev) => {
        const next = prev.concat(batch);
        return next.length > MAX_LINES ? next.slice(next.length - MAX_LINES) : next;
      });
    };
    source.onmessage = (msg: MessageEvent<string>) => {
      const parsed = JSON.parse(msg.data) as { result?: LogEntry; error?: { message?: string } };
      if (parsed.error) {
        setError(parsed.error.message ?? 'the log stream failed');
        setPhase('error');
        source.close();
        return;
      }
      if (!parsed.result || parsed.result.last) return;
      buffer.push(parsed.result);
      timer ??= setTimeout(flush, 100);
    };
    // The browser would reconnect and replay the tail: the stream ends here instead, and says so.
    source.onerror = () => {
      source.close();
      if (buffer.length) flush();
      setPhase((p) => (p === 'error' ? p : 'closed'));
    };
    return () => {
      source.close();
      clearTimeout(timer);
    };
  }, [app, appNamespace, node.kind, node.group, node.name, node.namespace, container, follow, reload]);

  const shown = useMemo(() => {
    const q = search.toLowerCase();
    return q ? lines.filter((l) => l.content.toLowerCase().includes(q)) : lines;
  }, [lines, search]);
  const manyPods = useMemo(() => new Set(lines.map((l) => l.podName)).size > 1, [lines]);

  const download = (): void => {
    const text = lines.map((l) => `${l.timeStampStr || l.timeStamp} ${manyPods ? `${l.podName} ` : ''}${l.content}\n`).join('');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${node.name}${container ? `-${container}` : ''}.log`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="logs">
      <div className="logs-bar">
        {containers.length > 0 && (
          <label>
            Container{' '}
            <select value={container} onChange={(e) => setContainer(e.target.value)}>
              {containers.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <input
          type="search"
          aria-label="Filter log lines"
          placeholder="Filter lines"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button onClick={() => setReload((n) => n + 1)}>Reload</button>
        <button onClick={download} disabled={lines.length === 0}>
          Download
        </button>
        <span className="muted" role="status" data-testid="logs-status">
          {phase === 'loading'
            ? 'Loading…'
            : phase === 'following'
              ? `Following: ${count(lines.length, 'line')}`
              : phase === 'closed'
                ? `Stream closed: ${count(lines.length, 'line')}`
                : phase === 'error'
                  ? ''
                  : `${count(lines.length, 'line')} (the last ${TAIL_LINES} at most)`}
          {search && ` · ${shown.length} shown`}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {phase !== 'loading' && !error && lines.length === 0 && <p className="muted">The API returned no log lines.</p>}
      <pre className="log-lines" data-testid="log-lines" tabIndex={0} aria-label="Log lines">
        {shown.map((l, i) => (
          <div key={i} className="log-line" data-testid="log-line">
            <span className="log-time">{l.timeStamp}</span>
            {manyPods && <span className="log-pod">{l.podName}</span>}
            {l.content}
          </div>
        ))}
      </pre>
    </div>
  );
}
