// The subset of jq paths Argo users write in ignoreDifferences.jqPathExpressions:
// `.a.b`, `.a["b.c"]`, `.a[]`, `.a[0]`, optional `?`, and `| select(.name == "x")`.
import { isRecord } from '../object/json-value';

export type JqSegment =
  | { kind: 'field'; name: string }
  | { kind: 'each' }
  | { kind: 'index'; index: number }
  | { kind: 'select'; field: string[]; value: unknown };

const SELECT = /^select\(\s*((?:\.[A-Za-z_][\w-]*)+)\s*==\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*\)$/;
const STEP = /^(?:\.([A-Za-z_][\w-]*)|\.?\["((?:[^"\\]|\\.)*)"\]|\.?\[\]|\.?\[(\d+)\])\??/;

function parsePathPart(text: string): JqSegment[] | undefined {
  const out: JqSegment[] = [];
  let rest = text.trim();
  if (rest === '.') return out;
  while (rest !== '') {
    const m = STEP.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push({ kind: 'field', name: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'field', name: JSON.parse(`"${m[2]}"`) as string });
    else if (m[3] !== undefined) out.push({ kind: 'index', index: Number(m[3]) });
    else out.push({ kind: 'each' });
    rest = rest.slice(m[0].length);
  }
  return out;
}

/** Parses an expression; undefined when it uses jq beyond the supported subset. */
export function parseJqPath(expr: string): JqSegment[] | undefined {
  const [path, ...filters] = expr.split('|');
  const out = parsePathPart(path);
  if (!out) return undefined;
  for (const f of filters) {
    const m = SELECT.exec(f.trim());
    if (!m) return undefined;
    out.push({ kind: 'select', field: m[1].split('.').filter(Boolean), value: JSON.parse(m[2]) as unknown });
  }
  return out;
}

const selectMatches = (item: unknown, seg: { field: string[]; value: unknown }): boolean => {
  let cur: unknown = item;
  for (const f of seg.field) cur = isRecord(cur) ? cur[f] : undefined;
  return cur === seg.value;
};

/** Deletes every value the path reaches (jq `del(path)`), in place. */
export function deleteJqPath(target: unknown, segs: JqSegment[]): void {
  if (segs.length === 0) return;
  const [seg, ...rest] = segs;
  const next = rest[0];
  if (seg.kind === 'field' && isRecord(target)) {
    if (rest.length === 0) delete target[seg.name];
    else deleteJqPath(target[seg.name], rest);
  } else if (seg.kind === 'index' && Array.isArray(target)) {
    if (rest.length === 0) target.splice(seg.index, 1);
    else deleteJqPath(target[seg.index], rest);
  } else if (seg.kind === 'each' && Array.isArray(target)) {
    if (rest.length === 0) target.splice(0, target.length);
    else if (next?.kind === 'select' && rest.length === 1) removeWhere(target, (i) => selectMatches(i, next));
    else for (const item of target) deleteJqPath(item, rest);
  }
}

function removeWhere(list: unknown[], pred: (item: unknown) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i])) list.splice(i, 1);
}
