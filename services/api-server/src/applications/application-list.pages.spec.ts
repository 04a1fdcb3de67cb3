import * as grpc from '@grpc/grpc-js';
import { decodeContinue, encodeContinue, ListKey, pageOf, parseLimit } from './application-list.pages';

const keys = (...names: string[]): ListKey[] => names.map((name) => ({ namespace: 'argocd', name }));
const same = (k: ListKey): ListKey => k;
const names = (items: ListKey[]): string[] => items.map((k) => k.name);
const everyone = (): boolean => true;

describe('application list pages', () => {
  it('round-trips a continue token to the key it was made from', () => {
    const key = { namespace: 'argocd', name: 'guestbook-dev' };
    const token = encodeContinue(key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContinue(token)).toEqual(key);
  });

  it.each([
    ['not base64url', 'abc def!', 'invalid continue token: it is not base64url text'],
    ['not JSON', Buffer.from('hello').toString('base64url'), 'invalid continue token: it does not decode to JSON'],
    [
      "a Kubernetes list's token",
      Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: 12, start: 'guestbook\u0000' })).toString('base64url'),
      'invalid continue token: it was not issued by an application list of this server',
    ],
    [
      'a token without a name',
      Buffer.from(JSON.stringify({ kind: 'flotilla.applications/v1', ns: 'argocd' })).toString('base64url'),
      'invalid continue token: it names no application to continue after',
    ],
  ])('refuses %s with InvalidArgument saying what is wrong', (_what, token, message) => {
    expect(() => decodeContinue(token)).toThrow(expect.objectContaining({ code: grpc.status.INVALID_ARGUMENT, message }));
  });

  it('takes limit as int64 text; 0 or absent is no limit; a negative one is refused', () => {
    expect(parseLimit(undefined)).toBe(0);
    expect(parseLimit('0')).toBe(0);
    expect(parseLimit('100')).toBe(100);
    expect(parseLimit('9223372036854775807')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseLimit('-1')).toThrow('invalid limit -1: must be a whole number, 0 or more');
  });

  it('pages in key order with a token and the count of what remains, the last page without either', () => {
    const all = keys('a', 'b', 'c', 'd', 'e');
    const first = pageOf(all, same, { limit: 2 }, everyone);
    expect(first).toMatchObject({ remainingItemCount: 3 });
    expect(names(first.items)).toEqual(['a', 'b']);
    const second = pageOf(all, same, { limit: 2, after: decodeContinue(first.continue!) }, everyone);
    expect(names(second.items)).toEqual(['c', 'd']);
    const last = pageOf(all, same, { limit: 2, after: decodeContinue(second.continue!) }, everyone);
    expect(last).toEqual({ items: [{ namespace: 'argocd', name: 'e' }] });
  });

  it('gives everything, without a token, when the limit is 0 or larger than the total', () => {
    const all = keys('a', 'b', 'c');
    expect(pageOf(all, same, { limit: 0 }, everyone)).toEqual({ items: all });
    expect(pageOf(all, same, { limit: 10 }, everyone)).toEqual({ items: all });
  });

  it('continues after the key, not at an offset: apps created or deleted between pages neither repeat nor leave gaps', () => {
    const first = pageOf(keys('b', 'd', 'f', 'h'), same, { limit: 2 }, everyone);
    expect(names(first.items)).toEqual(['b', 'd']);
    // Before the next page: 'a' and 'c' are created before the cursor, 'e' after it; 'b' and 'f' are deleted.
    const next = pageOf(keys('a', 'c', 'd', 'e', 'h'), same, { limit: 2, after: decodeContinue(first.continue!) }, everyone);
    expect(names(next.items)).toEqual(['e', 'h']);
    expect(next.continue).toBeUndefined();
  });

  it('continues after a key that no longer exists', () => {
    const next = pageOf(keys('a', 'c'), same, { limit: 1, after: { namespace: 'argocd', name: 'b' } }, everyone);
    expect(names(next.items)).toEqual(['c']);
  });

  it('fills a page with what the caller may see and counts only that', () => {
    const visible = (k: ListKey) => k.name !== 'b' && k.name !== 'e';
    const first = pageOf(keys('a', 'b', 'c', 'd', 'e', 'f'), same, { limit: 2 }, visible);
    expect(names(first.items)).toEqual(['a', 'c']);
    expect(first.remainingItemCount).toBe(2);
  });
});
