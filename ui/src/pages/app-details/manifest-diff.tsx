// Live against desired, as Argo CD's UI compares them: the managed resource's normalizedLiveState
// against its predictedLiveState (the live object with the desired state applied), else liveState
// against targetState; both as YAML with sorted keys, without managedFields and the last-applied
// annotation; shown unified or side by side, compact (3 lines of context) or whole.
import { diffLines } from 'diff';
import { useMemo, useState } from 'react';
import YAML from 'yaml';
import type { ManagedResource } from '../../api/resources.api';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A state's JSON text as the YAML the diff compares ('' when the state is absent). */
export function normalisedYaml(json: string | undefined): string {
  if (!json || json === 'null') return '';
  const obj = JSON.parse(json) as { metadata?: { managedFields?: unknown; annotations?: Record<string, string> } } | null;
  if (!obj) return '';
  if (obj.metadata) {
    delete obj.metadata.managedFields;
    if (obj.metadata.annotations) {
      delete obj.metadata.annotations[LAST_APPLIED];
      if (Object.keys(obj.metadata.annotations).length === 0) delete obj.metadata.annotations;
    }
  }
  return YAML.stringify(obj, { sortMapEntries: true, lineWidth: 0 });
}

export function diffSides(m: ManagedResource): { live: string; desired: string } {
  const predicted = m.predictedLiveState && m.predictedLiveState !== 'null' ? m.predictedLiveState : undefined;
  const normalized = m.normalizedLiveState && m.normalizedLiveState !== 'null' ? m.normalizedLiveState : undefined;
  if (predicted || normalized)
    return { live: normalisedYaml(normalized ?? m.liveState), desired: normalisedYaml(predicted ?? m.targetState) };
  return { live: normalisedYaml(m.liveState), desired: normalisedYaml(m.targetState) };
}

interface Line {
  kind: 'same' | 'add' | 'del';
  text: string;
  /** Line numbers in the live (old) and desired (new) texts. */
  oldNo?: number;
  newNo?: number;
}

function toLines(live: string, desired: string): Line[] {
  const out: Line[] = [];
  let o = 1;
  let n = 1;
  for (const change of diffLines(live, desired)) {
    const texts = change.value.replace(/\n$/, '').split('\n');
    for (const text of texts) {
      if (change.added) out.push({ kind: 'add', text, newNo: n++ });
      else if (change.removed) out.push({ kind: 'del', text, oldNo: o++ });
      else out.push({ kind: 'same', text, oldNo: o++, newNo: n++ });
    }
  }
  return out;
}

/** The lines to show: all, or only changes with `context` lines around them (gaps as null). */
function compactLines(lines: Line[], context: number): (Line | null)[] {
  const keep = new Set<number>();
  lines.forEach((l, i) => {
    if (l.kind !== 'same') for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep.add(j);
  });
  const out: (Line | null)[] = [];
  let gap = false;
  lines.forEach((l, i) => {
    if (keep.has(i)) {
      out.push(l);
      gap = false;
    } else if (!gap) {
      out.push(null);
      gap = true;
    }
  });
  return out;
}

/** Side by side: removals paired with the additions that follow them. */
function pairs(lines: (Line | null)[]): ({ left?: Line; right?: Line } | null)[] {
  const out: ({ left?: Line; right?: Line } | null)[] = [];
  for (let i = 0; i < lines.length;) {
    const l = lines[i];
    if (l === null) {
      out.push(null);
      i++;
    } else if (l.kind === 'same') {
      out.push({ left: l, right: l });
      i++;
    } else {
      const dels: Line[] = [];
      const adds: Line[] = [];
      while (i < lines.length && lines[i]?.kind === 'del') dels.push(lines[i++] as Line);
      while (i < lines.length && lines[i]?.kind === 'add') adds.push(lines[i++] as Line);
      for (let k = 0; k < Math.max(dels.length, adds.length); k++) out.push({ left: dels[k], right: adds[k] });
    }
  }
  return out;
}

export function ManifestDiff({ resource }: { resource: ManagedResource }) {
  const [mode, setMode] = useState<'unified' | 'split'>('unified');
  const [compact, setCompact] = useState(true);
  const { lines, changed } = useMemo(() => {
    const { live, desired } = diffSides(resource);
    const all = toLines(live, desired);
    return { lines: all, changed: all.some((l) => l.kind !== 'same') };
  }, [resource]);
  const shown = compact && changed ? compactLines(lines, 3) : lines;
  const sign = { same: ' ', add: '+', del: '-' };
  return (
    <div className="diff">
      <div className="diff-bar">
        <div role="group" aria-label="Diff layout" className="segmented">
          <button aria-pressed={mode === 'unified'} onClick={() => setMode('unified')}>
            Unified
          </button>
          <button aria-pressed={mode === 'split'} onClick={() => setMode('split')}>
            Side by side
          </button>
        </div>
        <label>
          <input type="checkbox" checked={compact} onChange={(e) => setCompact(e.target.checked)} /> Compact
        </label>
        <span className={changed ? 'status status-warn' : 'status status-ok'} data-testid="diff-summary">
          {changed
            ? `${lines.filter((l) => l.kind === 'add').length} added, ${lines.filter((l) => l.kind === 'del').length} removed`
            : 'Live and desired states are the same'}
        </span>
      </div>
      {mode === 'unified' ? (
        <table className="diff-table" aria-label="Unified diff, live to desired">
          <thead>
            <tr>
              <th scope="col">Live</th>
              <th scope="col">Desired</th>
              <th scope="col">Line</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l, i) =>
              l === null ? (
                <tr key={i} className="diff-gap">
                  <td colSpan={3}>⋯</td>
                </tr>
              ) : (
                <tr key={i} className={`diff-${l.kind}`}>
                  <td className="diff-no">{l.oldNo}</td>
                  <td className="diff-no">{l.newNo}</td>
                  <td className="diff-text" data-testid={l.kind === 'same' ? undefined : `diff-${l.kind}`}>
                    {sign[l.kind]} {l.text}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : (
        <table className="diff-table diff-split" aria-label="Side-by-side diff, live and desired">
          <thead>
            <tr>
              <th scope="col" colSpan={2}>
                Live
              </th>
              <th scope="col" colSpan={2}>
                Desired
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs(shown).map((p, i) =>
              p === null ? (
                <tr key={i} className="diff-gap">
                  <td colSpan={4}>⋯</td>
                </tr>
              ) : (
                <tr key={i}>
                  <td className="diff-no">{p.left?.oldNo}</td>
                  <td
                    className={`diff-text ${p.left ? `diff-${p.left.kind}` : 'diff-empty'}`}
                    data-testid={p.left?.kind === 'del' ? 'diff-del' : undefined}
                  >
                    {p.left?.text}
                  </td>
                  <td className="diff-no">{p.right?.newNo}</td>
                  <td
                    className={`diff-text ${p.right ? `diff-${p.right.kind}` : 'diff-empty'}`}
                    data-testid={p.right?.kind === 'add' ? 'diff-add' : undefined}
                  >
                    {p.right?.text}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
