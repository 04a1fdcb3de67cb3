import { canonicalToken, compareTokens, FieldPath, PathToken } from './managed-fields-path';
import { isPlainObject, JsonObject } from './managed-fields-value';

/**
 * A set of field paths, stored as a trie the way fieldsV1 nests them: at each level the tokens
 * that are members, and the child sets of tokens with members below them. A token may be both
 * (fieldsV1 then writes `.` for the member). Operations return new sets.
 */
export class FieldSet {
  readonly members = new Set<PathToken>();
  readonly children = new Map<PathToken, FieldSet>();

  static of(...paths: FieldPath[]): FieldSet {
    const set = new FieldSet();
    for (const p of paths) set.insert(p);
    return set;
  }

  /** Parses a fieldsV1 object; throws on a malformed one. */
  static fromFieldsV1(fields: unknown): FieldSet {
    if (!isPlainObject(fields)) throw new Error('fieldsV1 must be a JSON object');
    const set = new FieldSet();
    for (const [raw, sub] of Object.entries(fields)) {
      if (raw === '.') continue;
      if (!isPlainObject(sub)) throw new Error(`fieldsV1 entry ${JSON.stringify(raw)} must be an object`);
      const token = canonicalToken(raw);
      const keys = Object.keys(sub);
      if (keys.length === 0 || keys.includes('.')) set.members.add(token);
      const child = FieldSet.fromFieldsV1(sub);
      if (!child.isEmpty()) set.children.set(token, child);
    }
    return set;
  }

  insert(path: FieldPath): this {
    if (path.length === 0) return this;
    let node = this as FieldSet;
    for (const token of path.slice(0, -1)) {
      let next = node.children.get(token);
      if (!next) node.children.set(token, (next = new FieldSet()));
      node = next;
    }
    node.members.add(path[path.length - 1]);
    return this;
  }

  has(path: FieldPath): boolean {
    if (path.length === 0) return false;
    const parent = this.at(path.slice(0, -1));
    return !!parent && parent.members.has(path[path.length - 1]);
  }

  /** The subset below `prefix`, with paths relative to it. */
  at(prefix: FieldPath): FieldSet | undefined {
    let node = this as FieldSet | undefined;
    for (const token of prefix) node = node?.children.get(token);
    return node;
  }

  isEmpty(): boolean {
    return this.members.size === 0 && this.children.size === 0;
  }

  equals(other: FieldSet): boolean {
    return this.difference(other).isEmpty() && other.difference(this).isEmpty();
  }

  union(other: FieldSet): FieldSet {
    const out = this.clone();
    for (const m of other.members) out.members.add(m);
    for (const [t, c] of other.children) {
      const mine = out.children.get(t);
      out.children.set(t, mine ? mine.union(c) : c.clone());
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (other.members.has(m)) out.members.add(m);
    for (const [t, c] of this.children) {
      const theirs = other.children.get(t);
      if (theirs) out.setChild(t, c.intersection(theirs));
    }
    return out;
  }

  /** Paths in this set that are not in `other` (exact paths; descendants are separate paths). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m);
    for (const [t, c] of this.children) {
      const theirs = other.children.get(t);
      out.setChild(t, theirs ? c.difference(theirs) : c.clone());
    }
    return out;
  }

  /** Like difference, but a member of `other` also removes everything below it. */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m);
    for (const [t, c] of this.children) {
      if (other.members.has(t)) continue;
      const theirs = other.children.get(t);
      out.setChild(t, theirs ? c.recursiveDifference(theirs) : c.clone());
    }
    return out;
  }

  clone(): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) out.members.add(m);
    for (const [t, c] of this.children) out.children.set(t, c.clone());
    return out;
  }

  /** Every member path, in upstream's iteration order: a level's members, then its children. */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out: FieldPath[] = [...this.members].sort(compareTokens).map((t) => [...prefix, t]);
    for (const t of [...this.children.keys()].sort(compareTokens)) {
      out.push(...this.children.get(t)!.paths([...prefix, t]));
    }
    return out;
  }

  /** The fieldsV1 object, keys in the order kube-apiserver writes them. */
  toFieldsV1(): JsonObject {
    const out: JsonObject = {};
    const tokens = new Set([...this.members, ...this.children.keys()]);
    for (const t of [...tokens].sort(compareTokens)) {
      const child = this.children.get(t);
      if (!child) {
        out[t] = {};
        continue;
      }
      const nested: JsonObject = this.members.has(t) ? { '.': {} } : {};
      out[t] = Object.assign(nested, child.toFieldsV1());
    }
    return out;
  }

  private setChild(token: PathToken, child: FieldSet): void {
    if (!child.isEmpty()) this.children.set(token, child);
  }
}

export function unionAll(sets: Iterable<FieldSet>): FieldSet {
  let out = new FieldSet();
  for (const s of sets) out = out.union(s);
  return out;
}
