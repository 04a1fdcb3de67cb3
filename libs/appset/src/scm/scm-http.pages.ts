// The four ways the non-GitHub hosts page a list, each followed to the end: a Link header (Gitea), isLastPage +
// nextPageStart (Bitbucket Server), a `next` URL in the body (Bitbucket Cloud), and $top/$skip (Azure DevOps).
import type { Query, ScmHttpClient } from './scm-http';

/** A host that never says "last page" must not keep a generator looping forever. */
const MAX_PAGES = 1000;

function tooMany(client: ScmHttpClient, path: string): Error {
  return new Error(`${client.host} API ${path}: gave up after ${MAX_PAGES} pages`);
}

function badPage(client: ScmHttpClient, path: string, expected: string): Error {
  return new Error(`${client.host} API ${path}: expected ${expected}`);
}

/** Gitea (and any RFC 8288 host): `page`/`limit` query, the next page's URL in `Link: <…>; rel="next"`. */
export async function pagesByLink<T>(client: ScmHttpClient, path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  let next: URL | undefined = client.url(path, query);
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES) throw tooMany(client, path);
    const res: { body: T[]; headers: Record<string, string | string[] | undefined> } = await client.getJson<T[]>(next);
    if (!Array.isArray(res.body)) throw badPage(client, path, 'a JSON array');
    items.push(...res.body);
    const link = nextLink(res.headers.link);
    next = link && res.body.length > 0 ? new URL(link, next) : undefined;
  }
  return items;
}

/** The URL of the rel="next" entry of a Link header, if any. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  for (const part of value.split(',')) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    const rel = match && /;?\s*rel="?([^";]+)"?/i.exec(match[2]);
    if (match && rel && rel[1].trim().split(/\s+/).includes('next')) return match[1];
  }
  return undefined;
}

interface BitbucketServerPage<T> {
  values?: T[];
  isLastPage?: boolean;
  nextPageStart?: number;
}

/** Bitbucket Server: `start`/`limit` query; the body says isLastPage and where the next page starts. */
export async function pagesByStart<T>(client: ScmHttpClient, path: string, query: Query = {}, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let start: number | undefined = 0;
  for (let page = 0; start !== undefined; page++) {
    if (page >= MAX_PAGES) throw tooMany(client, path);
    const { body }: { body: BitbucketServerPage<T> } = await client.getJson<BitbucketServerPage<T>>(path, { ...query, limit, start });
    if (!body || !Array.isArray(body.values)) throw badPage(client, path, 'a page with "values"');
    items.push(...body.values);
    start = body.isLastPage === false && typeof body.nextPageStart === 'number' ? body.nextPageStart : undefined;
  }
  return items;
}

interface BitbucketCloudPage<T> {
  values?: T[];
  next?: string;
}

/** Bitbucket Cloud: `pagelen` query; the body carries the absolute URL of the next page in `next`. */
export async function pagesByNext<T>(client: ScmHttpClient, path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  let next: URL | undefined = client.url(path, query);
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES) throw tooMany(client, path);
    const res: { body: BitbucketCloudPage<T> } = await client.getJson<BitbucketCloudPage<T>>(next);
    if (!res.body || !Array.isArray(res.body.values)) throw badPage(client, path, 'a page with "values"');
    items.push(...res.body.values);
    next = typeof res.body.next === 'string' && res.body.next !== '' ? new URL(res.body.next, next) : undefined;
  }
  return items;
}

interface AzureList<T> {
  value?: T[];
}

/** Azure DevOps: `$top`/`$skip` query until an empty page (a short page may only mean the server capped `$top`). */
export async function pagesByTopSkip<T>(client: ScmHttpClient, path: string, query: Query = {}, top = 100): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw tooMany(client, path);
    const { body } = await client.getJson<AzureList<T>>(path, { ...query, $top: top, $skip: items.length });
    if (!body || !Array.isArray(body.value)) throw badPage(client, path, 'a list with "value"');
    items.push(...body.value);
    if (body.value.length === 0) return items;
  }
}
