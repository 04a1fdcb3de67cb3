// Masterminds/semver v3.2.0 constraints: NewConstraint and Check, with its regular expressions verbatim.
import { compare, comparePrerelease, Version } from './semver';

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const S = String.raw`[\t\n\f\r ]`; // RE2's \s
const CONSTRAINT_RE = new RegExp(String.raw`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const RANGE_RE = new RegExp(String.raw`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const FIND_RE = new RegExp(String.raw`(${OPS})${S}*(${CV})`, 'g');
const VALID_RE = new RegExp(String.raw`^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`);

interface Constraint {
  con: Version;
  orig: string;
  op: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string | undefined): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Constraint {
  if (c.length === 0) return { con: Version.parse('0.0.0'), orig: c, op: '', dirty: true, minorDirty: false, patchDirty: false };
  const m = CONSTRAINT_RE.exec(c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  const [, op, orig, major, minor = '', patch = '', , pre = ''] = m;
  const tail = pre === '' ? '' : '-' + pre;
  let ver = orig;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${tail}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    [minorDirty, dirty] = [true, true];
    ver = `${major}.0.0${tail}`;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    [patchDirty, dirty] = [true, true];
    ver = `${major}${minor}.0${tail}`;
  }
  let con: Version;
  try {
    con = Version.parse(ver);
  } catch {
    throw new Error('constraint Parser Error');
  }
  return { con, orig, op, dirty, minorDirty, patchDirty };
}

/** semver.NewConstraint: the OR groups of AND-ed constraints. */
export function newConstraint(input: string): Constraint[][] {
  let c = input;
  for (const m of input.matchAll(RANGE_RE)) c = c.replace(m[0], `>= ${m[1]}, <= ${m[11]}`);
  return c.split('||').map((v) => {
    if (!VALID_RE.test(v)) throw new Error(`improper constraint: ${v}`);
    const cs = [...v.matchAll(FIND_RE)].map((x) => x[0]);
    return (cs.length === 0 ? [v] : cs).map(parseConstraint);
  });
}

const major = (v: Version): bigint => Version.partsOf(v).major;
const minor = (v: Version): bigint => Version.partsOf(v).minor;
const patch = (v: Version): bigint => Version.partsOf(v).patch;
const pre = (v: Version): string => Version.partsOf(v).pre;

function tilde(v: Version, c: Constraint): boolean {
  if (compare(v, c.con) < 0) return false;
  if (major(c.con) === 0n && minor(c.con) === 0n && patch(c.con) === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (major(v) !== major(c.con)) return false;
  return !(minor(v) !== minor(c.con) && !c.minorDirty);
}

function notEqual(v: Version, c: Constraint): boolean {
  if (c.dirty) {
    if (major(c.con) !== major(v)) return true;
    if (minor(c.con) !== minor(v) && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (patch(c.con) !== patch(v) && !c.patchDirty) return true;
    if (c.patchDirty) return (pre(v) !== '' || pre(c.con) !== '') && comparePrerelease(pre(v), pre(c.con)) !== 0;
  }
  return compare(v, c.con) !== 0;
}

function greaterThan(v: Version, c: Constraint): boolean {
  if (!c.dirty) return compare(v, c.con) === 1;
  if (major(v) > major(c.con)) return true;
  if (major(v) < major(c.con) || c.minorDirty) return false;
  if (c.patchDirty) return minor(v) > minor(c.con);
  return compare(v, c.con) === 1;
}

function lessThanEqual(v: Version, c: Constraint): boolean {
  if (!c.dirty) return compare(v, c.con) <= 0;
  if (major(v) > major(c.con)) return false;
  return !(major(v) === major(c.con) && minor(v) > minor(c.con) && !c.minorDirty);
}

function caret(v: Version, c: Constraint): boolean {
  if (compare(v, c.con) < 0) return false;
  if (major(c.con) > 0n || c.minorDirty) return major(v) === major(c.con);
  if (major(v) > 0n) return false;
  if (minor(c.con) > 0n || c.patchDirty) return minor(v) === minor(c.con);
  if (minor(v) > 0n) return false;
  return patch(c.con) === patch(v);
}

function check(v: Version, c: Constraint): boolean {
  // Every operator but != rejects a prerelease version unless the constraint names a prerelease.
  const preBlocked = pre(v) !== '' && pre(c.con) === '';
  switch (c.op) {
    case '': case '=': return !preBlocked && (c.dirty ? tilde(v, c) : compare(v, c.con) === 0);
    case '!=': return !(c.dirty && preBlocked) && notEqual(v, c);
    case '>': return !preBlocked && greaterThan(v, c);
    case '<': return !preBlocked && compare(v, c.con) < 0;
    case '>=': case '=>': return !preBlocked && compare(v, c.con) >= 0;
    case '<=': case '=<': return !preBlocked && lessThanEqual(v, c);
    case '~': case '~>': return !preBlocked && tilde(v, c);
    case '^': return !preBlocked && caret(v, c);
  }
  return false;
}

/** Sprig's semverCompare. */
export function semverCompare(constraint: string, version: string): boolean {
  const groups = newConstraint(constraint);
  const v = Version.parse(version);
  return groups.some((g) => g.every((c) => check(v, c)));
}
