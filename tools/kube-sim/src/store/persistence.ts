import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, WriteStream, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KubeObject } from './kube-object';
import { ObjectStore, StoredObject } from './object.store';

interface LogLine {
  r: string;
  d?: true;
  ns: string;
  n: string;
  rv: number;
  j?: string;
}

/**
 * Keeps a cluster's state on disk: an append-only log of every write, compacted into a
 * snapshot at start, so a sim restarted with the same `persistPath` finds its objects again.
 */
export class StorePersistence {
  private out?: WriteStream;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly path: string,
  ) {}

  /** Loads what was saved, compacts it, and starts recording. Returns how many objects came back. */
  open(): number {
    mkdirSync(dirname(this.path), { recursive: true });
    const live = existsSync(this.path) ? replay(readFileSync(this.path, 'utf8'), this.path) : new Map<string, LogLine>();
    let maxRv = 0;
    for (const line of live.values()) {
      const obj = JSON.parse(line.j!) as KubeObject;
      const stored: StoredObject = { namespace: line.ns, name: line.n, rv: line.rv, labels: obj.metadata.labels, json: line.j! };
      this.store.restore(line.r, stored);
      maxRv = Math.max(maxRv, line.rv);
    }
    const snapshot = [...live.values()].map((l) => JSON.stringify(l)).join('\n');
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, snapshot ? `${snapshot}\n` : '');
    renameSync(tmp, this.path);
    this.out = createWriteStream(this.path, { flags: 'a' });
    this.unsubscribe = this.store.onEvent((e) => {
      const line: LogLine = e.type === 'DELETED'
        ? { r: e.resource, d: true, ns: e.object.namespace, n: e.object.name, rv: e.rv }
        : { r: e.resource, ns: e.object.namespace, n: e.object.name, rv: e.rv, j: e.object.json };
      this.out!.write(`${JSON.stringify(line)}\n`);
    });
    return live.size;
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    const out = this.out;
    this.out = undefined;
    if (out) await new Promise<void>((resolve) => out.end(resolve));
  }
}

function replay(text: string, path: string): Map<string, LogLine> {
  const live = new Map<string, LogLine>();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      // Only a torn final line (a kill mid-write) is forgivable; anything else is corruption.
      if (i >= lines.length - 2) return;
      throw new Error(`kube-sim: ${path} line ${i + 1} is not valid JSON; refusing to start on a corrupt state file`);
    }
    const key = `${line.r}|${line.ns}|${line.n}`;
    if (line.d) live.delete(key);
    else live.set(key, line);
  });
  return live;
}
