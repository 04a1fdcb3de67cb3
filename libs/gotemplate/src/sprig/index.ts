// The Sprig v3 function map, with Go signatures.
import { type GoFunc } from '../exec/types';
import { GoInt, typedSlice } from '../values';
import * as C from './collections';
import { empty, strval, toFloat64, toInt64 } from './conv';
import * as E from './encoding';
import * as M from './misc';
import * as R from './regex';
import * as S from './strings';
import { dateFuncs } from './dates';
import * as X from './certs';
import * as K from './crypto';
import { genPrivateKey } from './keys';
import { Version } from './semver';
import { semverCompare } from './semver-constraints';
import { SPRIG_SIZES, withSizes } from './sizes';
import { urlJoin, urlParse } from './url';
import { abbrevboth, abbreviateFull, shuffle, toSnakeLike } from './xstrings';

const A = 'interface {}';
const MAP = 'map[string]interface {}';
type Fn = (...a: never[]) => unknown;
const f = (fn: Fn, params: string[] = [], variadic?: string): GoFunc => ({ fn, params, variadic });
const str1 = (fn: (s: string) => unknown): GoFunc => f(fn, ['string']);
const str2 = (fn: (a: string, b: string) => unknown): GoFunc => f(fn, ['string', 'string']);
const int = (n: number): GoInt => new GoInt(n);

function stringFuncs(): Record<string, GoFunc> {
  return {
    hello: f(() => 'Hello!'),
    abbrev: f((w: GoInt, s: string) => (w.n < 4 ? s : abbreviateFull(s, 0, w.n)), ['int', 'string']),
    abbrevboth: f((l: GoInt, r: GoInt, s: string) => abbrevboth(l.n, r.n, s), ['int', 'int', 'string']),
    shuffle: str1(shuffle),
    trunc: f((c: GoInt, s: string) => S.trunc(c.n, s), ['int', 'string']),
    trim: str1(S.trimSpace),
    upper: str1((s) => s.toUpperCase()),
    lower: str1((s) => s.toLowerCase()),
    title: str1(S.title),
    untitle: str1(S.untitle),
    substr: f((a: GoInt, b: GoInt, s: string) => S.substr(a.n, b.n, s), ['int', 'int', 'string']),
    repeat: f((c: GoInt, s: string) => {
      if (c.n < 0) throw new Error('strings: negative Repeat count');
      return s.repeat(c.n);
    }, ['int', 'string']),
    trimall: str2((a, b) => S.goTrim(b, a)),
    trimAll: str2((a, b) => S.goTrim(b, a)),
    trimSuffix: str2((a, b) => (a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b)),
    trimPrefix: str2((a, b) => (b.startsWith(a) ? b.slice(a.length) : b)),
    nospace: str1(S.nospace),
    initials: str1(S.initials),
    randAlphaNum: f((n: GoInt) => M.randAlphaNum(n.n), ['int']),
    randAlpha: f((n: GoInt) => M.randAlpha(n.n), ['int']),
    randAscii: f((n: GoInt) => M.randAscii(n.n), ['int']),
    randNumeric: f((n: GoInt) => M.randNumeric(n.n), ['int']),
    swapcase: str1(S.swapcase),
    camelcase: str1(S.camelcase),
    snakecase: str1((s) => toSnakeLike(s, '_')),
    kebabcase: str1((s) => toSnakeLike(s, '-')),
    wrap: f((l: GoInt, s: string) => S.wrap(l.n, s), ['int', 'string']),
    wrapWith: f((l: GoInt, sep: string, s: string) => S.wrap(l.n, s, sep), ['int', 'string', 'string']),
    contains: str2((a, b) => b.includes(a)),
    hasPrefix: str2((a, b) => b.startsWith(a)),
    hasSuffix: str2((a, b) => b.endsWith(a)),
    quote: f(S.quote, [], A),
    squote: f(S.squote, [], A),
    cat: f(S.cat, [], A),
    indent: f((n: GoInt, s: string) => S.indent(n.n, s), ['int', 'string']),
    nindent: f((n: GoInt, s: string) => '\n' + S.indent(n.n, s), ['int', 'string']),
    replace: f((o: string, n: string, s: string) => s.split(o).join(n), ['string', 'string', 'string']),
    plural: f((a: string, b: string, c: GoInt) => S.plural(a, b, c.n), ['string', 'string', 'int']),
    sha1sum: str1(E.sha1sum),
    sha256sum: str1(E.sha256sum),
    adler32sum: str1(E.adler32sum),
    toString: f(strval, [A]),
    atoi: str1(M.atoi),
    int64: f((v: unknown) => new GoInt(toInt64(v), 'int64'), [A]),
    int: f((v: unknown) => int(toInt64(v)), [A]),
    float64: f(toFloat64, [A]),
    seq: f((...p: GoInt[]) => M.seq(...p.map((x) => x.n)), [], 'int'),
    toDecimal: f(M.toDecimal, [A]),
    split: str2((sep, s) => S.splitMap(S.goSplit(s, sep))),
    splitList: str2((sep, s) => typedSlice(S.goSplit(s, sep), 'string')),
    splitn: f((sep: string, n: GoInt, s: string) => S.splitMap(S.goSplit(s, sep, n.n)), ['string', 'int', 'string']),
    toStrings: f(S.strslice, [A]),
    until: f((n: GoInt) => M.until(n.n), ['int']),
    untilStep: f((a: GoInt, b: GoInt, c: GoInt) => M.untilStep(a.n, b.n, c.n), ['int', 'int', 'int']),
    join: f((sep: string, v: unknown) => S.strslice(v).join(sep), ['string', A]),
    sortAlpha: f(C.sortAlpha, [A]),
    base: str1(M.pathBase), dir: str1(M.pathDir), clean: str1(M.pathClean), ext: str1(M.pathExt),
    isAbs: str1((p) => p.startsWith('/')),
    osBase: str1(M.pathBase), osDir: str1(M.pathDir), osClean: str1(M.pathClean), osExt: str1(M.pathExt),
    osIsAbs: str1((p) => p.startsWith('/')),
    b64enc: str1(E.b64enc), b64dec: str1(E.b64dec), b32enc: str1(E.b32enc), b32dec: str1(E.b32dec),
    uuidv4: f(M.uuidv4),
    fail: f((msg: string) => {
      throw new Error(msg);
    }, ['string']),
  };
}

function mathFuncs(): Record<string, GoFunc> {
  return {
    add1: f(M.add1, [A]), add: f(M.add, [], A), sub: f(M.sub, [A, A]), div: f(M.div, [A, A]), mod: f(M.mod, [A, A]),
    mul: f(M.mul, [A], A), randInt: f((a: GoInt, b: GoInt) => int(a.n + Math.floor(Math.random() * (b.n - a.n))), ['int', 'int']),
    add1f: f(M.add1f, [A]), addf: f(M.addf, [], A), subf: f(M.subf, [A], A), divf: f(M.divf, [A], A), mulf: f(M.mulf, [A], A),
    biggest: f(M.max, [A], A), max: f(M.max, [A], A), min: f(M.min, [A], A), maxf: f(M.maxf, [A], A), minf: f(M.minf, [A], A),
    ceil: f(M.ceil, [A]), floor: f(M.floor, [A]), round: f(M.round, [A, 'int'], 'float64'),
  };
}

function dataFuncs(): Record<string, GoFunc> {
  const mustOr = <T>(fn: (...a: never[]) => T, params: string[], variadic?: string): GoFunc => f(fn, params, variadic);
  return {
    default: f(M.dfault, [A], A), empty: f((v: unknown) => empty(v), [A]), coalesce: f(M.coalesce, [], A),
    all: f(M.all, [], A), any: f(M.anyFn, [], A), compact: f(C.mustCompact, [A]), mustCompact: f(C.mustCompact, [A]),
    fromJson: str1(E.fromJson), toJson: f(E.toJson, [A]), toPrettyJson: f(E.toPrettyJson, [A]),
    toRawJson: f(E.mustToRawJson, [A]), mustFromJson: str1(E.mustFromJson), mustToJson: f(E.mustToJson, [A]),
    mustToPrettyJson: f(E.mustToPrettyJson, [A]), mustToRawJson: f(E.mustToRawJson, [A]),
    ternary: f(M.ternary, [A, A, 'bool']), deepCopy: f(C.deepCopy, [A]), mustDeepCopy: f(C.deepCopy, [A]),
    typeOf: f(M.typeOf, [A]), typeIs: f((t: string, v: unknown) => M.typeOf(v) === t, ['string', A]),
    typeIsLike: f((t: string, v: unknown) => M.typeOf(v) === t || '*' + M.typeOf(v) === t, ['string', A]),
    kindOf: f(M.kindOfFn, [A]), kindIs: f((k: string, v: unknown) => M.kindOfFn(v) === k, ['string', A]),
    deepEqual: f(C.deepEqual, [A, A]),
    tuple: f(C.list, [], A), list: f(C.list, [], A), dict: f(C.dict, [], A), get: f(C.get, [MAP, 'string']),
    set: f(C.set, [MAP, 'string', A]), unset: f(C.unset, [MAP, 'string']), hasKey: f(C.hasKeyFn, [MAP, 'string']),
    pluck: f(C.pluck, ['string'], MAP), keys: f(C.keys, [], MAP), pick: f(C.pick, [MAP], 'string'),
    omit: f(C.omit, [MAP], 'string'), merge: f(C.merge, [MAP], MAP), mergeOverwrite: f(C.mergeOverwrite, [MAP], MAP),
    mustMerge: f(C.merge, [MAP], MAP), mustMergeOverwrite: f(C.mergeOverwrite, [MAP], MAP), values: f(C.values, [MAP]),
    append: f(C.mustPush, [A, A]), push: f(C.mustPush, [A, A]), mustAppend: f(C.mustPush, [A, A]), mustPush: f(C.mustPush, [A, A]),
    prepend: f(C.mustPrepend, [A, A]), mustPrepend: f(C.mustPrepend, [A, A]),
    first: f(C.mustFirst, [A]), mustFirst: f(C.mustFirst, [A]), rest: f(C.mustRest, [A]), mustRest: f(C.mustRest, [A]),
    last: f(C.mustLast, [A]), mustLast: f(C.mustLast, [A]), initial: f(C.mustInitial, [A]), mustInitial: f(C.mustInitial, [A]),
    reverse: f(C.mustReverse, [A]), mustReverse: f(C.mustReverse, [A]), uniq: f(C.mustUniq, [A]), mustUniq: f(C.mustUniq, [A]),
    without: f(C.mustWithout, [A], A), mustWithout: f(C.mustWithout, [A], A), has: f(C.mustHas, [A, A]), mustHas: f(C.mustHas, [A, A]),
    slice: f(C.mustSlice, [A], A), mustSlice: f(C.mustSlice, [A], A), concat: f(C.concat, [], A), dig: f(C.dig, [], A),
    chunk: f((n: GoInt, l: unknown) => C.mustChunk(n.n, l), ['int', A]), mustChunk: f((n: GoInt, l: unknown) => C.mustChunk(n.n, l), ['int', A]),
    regexMatch: str2(R.regexMatch), mustRegexMatch: str2(R.mustRegexMatch),
    regexFindAll: f((r: string, s: string, n: GoInt) => R.regexFindAll(r, s, n.n), ['string', 'string', 'int']),
    mustRegexFindAll: f((r: string, s: string, n: GoInt) => R.mustRegexFindAll(r, s, n.n), ['string', 'string', 'int']),
    regexFind: str2(R.regexFind), mustRegexFind: str2(R.mustRegexFind),
    regexReplaceAll: mustOr(R.regexReplaceAll, ['string', 'string', 'string']),
    mustRegexReplaceAll: mustOr(R.mustRegexReplaceAll, ['string', 'string', 'string']),
    regexReplaceAllLiteral: mustOr(R.regexReplaceAllLiteral, ['string', 'string', 'string']),
    mustRegexReplaceAllLiteral: mustOr(R.mustRegexReplaceAllLiteral, ['string', 'string', 'string']),
    regexSplit: f((r: string, s: string, n: GoInt) => R.regexSplit(r, s, n.n), ['string', 'string', 'int']),
    mustRegexSplit: f((r: string, s: string, n: GoInt) => R.mustRegexSplit(r, s, n.n), ['string', 'string', 'int']),
    regexQuoteMeta: str1(R.regexQuoteMeta),
  };
}

const LIST = '[]interface {}';
const CERT = 'sprig.certificate';
type Ips = unknown[] | null;

function cryptoFuncs(): Record<string, GoFunc> {
  const int2 = (fn: (cn: string, days: number, ...rest: never[]) => unknown) => (cn: string, d: GoInt, ...rest: never[]) => fn(cn, d.n, ...rest);
  return {
    bcrypt: str1(K.bcrypt), htpasswd: str2(K.htpasswd), genPrivateKey: str1(genPrivateKey),
    derivePassword: f((c: GoInt, t: string, p: string, u: string, s: string) => K.derivePassword(c.n, t, p, u, s), ['uint32', 'string', 'string', 'string', 'string']),
    buildCustomCert: str2(X.buildCustomCert),
    genCA: f(int2(X.genCA), ['string', 'int']), genCAWithKey: f(int2(X.genCAWithKey), ['string', 'int', 'string']),
    genSelfSignedCert: f((cn: string, i: Ips, d: Ips, n: GoInt) => X.genSelfSignedCert(cn, i, d, n.n), ['string', LIST, LIST, 'int']),
    genSelfSignedCertWithKey: f((cn: string, i: Ips, d: Ips, n: GoInt, k: string) => X.genSelfSignedCertWithKey(cn, i, d, n.n, k), ['string', LIST, LIST, 'int', 'string']),
    genSignedCert: f((cn: string, i: Ips, d: Ips, n: GoInt, ca: X.Certificate) => X.genSignedCert(cn, i, d, n.n, ca), ['string', LIST, LIST, 'int', CERT]),
    genSignedCertWithKey: f((cn: string, i: Ips, d: Ips, n: GoInt, ca: X.Certificate, k: string) => X.genSignedCertWithKey(cn, i, d, n.n, ca, k), ['string', LIST, LIST, 'int', CERT, 'string']),
    encryptAES: str2(K.encryptAES), decryptAES: str2(K.decryptAES), randBytes: f((n: GoInt) => K.randBytes(n.n), ['int']),
    semver: str1((v) => Version.parse(v)), semverCompare: str2(semverCompare),
    urlParse: str1(urlParse), urlJoin: f(urlJoin, [MAP]),
  };
}

let cached: Record<string, GoFunc> | undefined;

/** Resolves a host name to its addresses (net.LookupHost); the caller supplies it, or getHostByName is absent. */
export type HostResolver = (name: string) => string[];

/** Sprig's TxtFuncMap; env/expandenv only when enabled, getHostByName only with a resolver. */
export function sprigFuncs(enableEnv: boolean, resolveHost?: HostResolver): Record<string, GoFunc> {
  cached ??= withSizes({ ...stringFuncs(), ...mathFuncs(), ...dataFuncs(), ...dateFuncs(), ...cryptoFuncs() }, SPRIG_SIZES);
  const net: Record<string, GoFunc> = resolveHost ? { getHostByName: str1((name) => pickHost(resolveHost(name))) } : {};
  if (!enableEnv) return resolveHost ? { ...cached, ...net } : cached;
  const env = (name: string): string => process.env[name] ?? '';
  const expandenv = (s: string): string => s.replace(/\$\{([^}]*)\}|\$([A-Za-z0-9_]+)/g, (_m, a?: string, b?: string) => env(a ?? b ?? ''));
  return { ...cached, ...net, env: str1(env), expandenv: str1(expandenv) };
}

/** addrs[rand.Intn(len(addrs))], panicking as Go does when nothing resolves. */
function pickHost(addrs: string[]): string {
  if (addrs.length === 0) throw new Error('invalid argument to Intn');
  return addrs[Math.floor(Math.random() * addrs.length)];
}
