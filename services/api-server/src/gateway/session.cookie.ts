// Argo CD's UI keeps its session in the `argocd.token` cookie, set when it logs in over REST.
export const SESSION_COOKIE = 'argocd.token';

const SESSION_CREATE = '/session.SessionService/Create';
const SESSION_DELETE = '/session.SessionService/Delete';

export function tokenFromCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
  }
  return undefined;
}

/** Sets the cookie after a REST login and clears it on logout, as Argo CD's gateway does. */
export function sessionCookieHeaders(methodPath: string, response: unknown): Record<string, string> {
  if (methodPath === SESSION_CREATE) {
    const token = (response as { token?: string }).token;
    if (token) return { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax` };
  }
  if (methodPath === SESSION_DELETE) return { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` };
  return {};
}
