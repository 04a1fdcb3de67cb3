// net/url (Go 1.19) Parse and URL.String, over byte strings, for Sprig's urlParse and urlJoin.
import { goQuote } from '../fmt/quote';
import { fromBytes, toBytes } from '../fmt/layout';
import { type GoMap, isMap, kindOf } from '../values';

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);
const ishex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);
const unhex = (c: string): number => parseInt(c, 16);

function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path': return c === '?';
      case 'pathSegment': return '/;,?'.includes(c);
      case 'userPassword': return '@/?:'.includes(c);
      case 'queryComponent': return true;
      case 'fragment': return false;
    }
  }
  return !(mode === 'fragment' && '!()*'.includes(c));
}

const escapeError = (s: string): Error => new Error('invalid URL escape ' + goQuote(fromBytes(s)));

function unescape(s: string, mode: Mode): string {
  for (let i = 0; i < s.length;) {
    if (s[i] === '%') {
      if (i + 2 >= s.length || !ishex(s[i + 1]) || !ishex(s[i + 2])) throw escapeError(s.slice(i, i + 3));
      if (mode === 'host' && unhex(s[i + 1]) < 8 && s.slice(i, i + 3) !== '%25') throw escapeError(s.slice(i, i + 3));
      if (mode === 'zone') {
        const v = String.fromCharCode(unhex(s[i + 1]) * 16 + unhex(s[i + 2]));
        if (s.slice(i, i + 3) !== '%25' && v !== ' ' && shouldEscape(v, 'host')) throw escapeError(s.slice(i, i + 3));
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && s.charCodeAt(i) < 0x80 && s[i] !== '+' && shouldEscape(s[i], mode)) {
        throw new Error('invalid character ' + goQuote(s[i]) + ' in host name');
      }
      i++;
    }
  }
  return s.replace(/%([0-9A-Fa-f]{2})|\+/g, (m, h?: string) => (h ? String.fromCharCode(unhex(h)) : mode === 'queryComponent' ? ' ' : '+'));
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of s) {
    if (c === ' ' && mode === 'queryComponent') out += '+';
    else if (shouldEscape(c, mode)) out += '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    else out += c;
  }
  return out;
}

interface User { username: string; password?: string }
interface Url { scheme: string; opaque: string; user?: User; host: string; path: string; rawQuery: string; fragment: string; omitHost: boolean; forceQuery: boolean }

const userString = (u: User): string => escape(u.username, 'userPassword') + (u.password !== undefined ? ':' + escape(u.password, 'userPassword') : '');

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new Error('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new Error("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${goQuote(fromBytes(colonPort))} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, i), 'zone') + unescape(host.slice(i), 'host');
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1 && !validOptionalPort(host.slice(i))) throw new Error(`invalid port ${goQuote(fromBytes(host.slice(i)))} after host`);
  }
  return unescape(host, 'host');
}

function parseAuthority(authority: string): [User | undefined, string] {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return [undefined, host];
  const userinfo = authority.slice(0, i);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new Error('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return [{ username: unescape(userinfo, 'userPassword') }, host];
  return [{ username: unescape(userinfo.slice(0, colon), 'userPassword'), password: unescape(userinfo.slice(colon + 1), 'userPassword') }, host];
}

function parse(raw: string): Url {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new Error('net/url: invalid control character in URL');
  const u: Url = { scheme: '', opaque: '', host: '', path: '', rawQuery: '', fragment: '', omitHost: false, forceQuery: false };
  if (raw === '*') return { ...u, path: '*' };
  let rest: string;
  [u.scheme, rest] = getScheme(raw);
  u.scheme = u.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else if (rest.includes('?')) {
    u.rawQuery = rest.slice(rest.indexOf('?') + 1);
    rest = rest.slice(0, rest.indexOf('?'));
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') return { ...u, opaque: rest };
    if (rest.split('/')[0].includes(':')) throw new Error('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) [authority, rest] = [authority.slice(0, i), authority.slice(i)];
    [u.user, u.host] = parseAuthority(authority);
  } else if (u.scheme !== '' && rest.startsWith('/')) u.omitHost = true;
  u.path = unescape(rest, 'path');
  return u;
}

/** url.Parse; throws `parse "…": …`. */
export function parseUrl(rawStr: string): Url {
  const raw = toBytes(rawStr);
  const hash = raw.indexOf('#');
  const [base, frag] = hash < 0 ? [raw, ''] : [raw.slice(0, hash), raw.slice(hash + 1)];
  let u: Url;
  try {
    u = parse(base);
  } catch (e) {
    throw new Error(`parse ${goQuote(fromBytes(base))}: ${(e as Error).message}`);
  }
  try {
    if (frag !== '') u.fragment = unescape(frag, 'fragment');
  } catch (e) {
    throw new Error(`parse ${goQuote(fromBytes(raw))}: ${(e as Error).message}`);
  }
  return u;
}

function hostname(host: string): string {
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) host = host.slice(0, colon);
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** URL.String (no RawPath/RawFragment hints, as urlJoin builds it). */
function urlString(u: Url): string {
  let out = u.scheme !== '' ? u.scheme + ':' : '';
  if (u.opaque !== '') out += u.opaque;
  else {
    if ((u.scheme !== '' || u.host !== '' || u.user) && !(u.omitHost && u.host === '' && !u.user)) {
      if (u.host !== '' || u.path !== '' || u.user) out += '//';
      if (u.user) out += userString(u.user) + '@';
      if (u.host !== '') out += escape(u.host, 'host');
    }
    const path = u.path === '*' ? '*' : escape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out.length === 0 && path.split('/')[0].includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += '?' + u.rawQuery;
  if (u.fragment !== '') out += '#' + escape(u.fragment, 'fragment');
  return out;
}

/** Sprig's urlParse. */
export function urlParse(v: string): GoMap {
  let u: Url;
  try {
    u = parseUrl(v);
  } catch (e) {
    throw new Error(`unable to parse url: ${(e as Error).message}`);
  }
  return Object.fromEntries(Object.entries({
    scheme: u.scheme, host: u.host, hostname: hostname(u.host), path: u.path, query: u.rawQuery, opaque: u.opaque,
    fragment: u.fragment, userinfo: u.user ? userString(u.user) : '',
  }).map(([k, s]) => [k, fromBytes(s)]));
}

function dictGetOrEmpty(d: GoMap, key: string): string {
  if (!Object.prototype.hasOwnProperty.call(d, key)) return '';
  const v = d[key];
  if (v === null || v === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v !== 'string') throw new Error(`unable to parse ${key} key, must be of type string, but ${isMap(v) ? 'map' : kindOf(v)} found`);
  return toBytes(v);
}

/** Sprig's urlJoin. */
export function urlJoin(d: GoMap): string {
  const get = (k: string): string => dictGetOrEmpty(d, k);
  const u: Url = {
    scheme: get('scheme'), host: get('host'), path: get('path'), rawQuery: get('query'), opaque: get('opaque'), fragment: get('fragment'),
    omitHost: false, forceQuery: false,
  };
  const userinfo = get('userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseUrl(fromBytes(`proto://${userinfo}@host`)).user;
    } catch (e) {
      throw new Error(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return fromBytes(urlString(u));
}
