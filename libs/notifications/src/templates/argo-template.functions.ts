import { GoTime } from '@flotilla/gotemplate';

// The function namespaces Argo CD adds to notification templates' data, called as
// `{{ call .repo.RepoURLToHTTPS .app.spec.source.repoURL }}` or `{{ (call .time.Now).Format "…" }}`.

/** `git@host:org/repo.git`, `ssh://git@host/org/repo` → an https URL of the same repository, without credentials. */
export function repoURLToHTTPS(raw: string): string {
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.*)$/.exec(raw);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return `https://${scp[1]}/${scp[2].replace(/^\/+/, '')}`;
  const url = new URL(raw);
  return `https://${url.host}${url.pathname}${url.search}`;
}

/** The `org/repo` part of a repository URL, without `.git`. */
export function fullNameByRepoURL(raw: string): string {
  const path = new URL(repoURLToHTTPS(raw)).pathname.replace(/\.git$/, '');
  const segments = path.split('/');
  return segments.length > 2 ? segments.slice(-2).join('/') : path;
}

export function templateNamespaces(now: () => Date): Record<string, Record<string, (...args: never[]) => unknown>> {
  return {
    repo: { RepoURLToHTTPS: repoURLToHTTPS, FullNameByRepoURL: fullNameByRepoURL },
    time: {
      Now: () => new GoTime(now().getTime()),
      Parse: (text: string) => {
        const ms = Date.parse(text);
        if (Number.isNaN(ms)) throw new Error(`parsing time ${JSON.stringify(text)}: not RFC 3339`);
        return new GoTime(ms);
      },
    },
  };
}
