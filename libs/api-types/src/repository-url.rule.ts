// Which repository URLs may reach git: the transports Argo CD documents (https, http, ssh, git,
// scp-like `user@host:path`) and local repositories, never git's remote helpers (`ext::`, `fd::`,
// `<scheme>://` for an unknown scheme) or an option in disguise. The repo-server enforces it before
// every clone and fetch; the api-server may use it to refuse a repository early.

/** How git would reach a repository: `local` is a file:// URL or a path on the git host's disk. */
export type RepoUrlTransport = 'https' | 'http' | 'ssh' | 'git' | 'local';

export type RepoUrlVerdict = { ok: true; transport: RepoUrlTransport } | { ok: false; reason: string };

/** The transports git may use for each, as `GIT_ALLOW_PROTOCOL` names them (local is git's `file`). */
export const GIT_PROTOCOLS: Record<RepoUrlTransport, string> = { https: 'https', http: 'http', ssh: 'ssh', git: 'git', local: 'file' };

const SCHEMES: Record<string, RepoUrlTransport> = { https: 'https', http: 'http', ssh: 'ssh', 'git+ssh': 'ssh', 'ssh+git': 'ssh', git: 'git', file: 'local' };
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** git's `<helper>::<address>`, which runs git-remote-<helper> (ext:: runs any command). */
const REMOTE_HELPER = /^([A-Za-z0-9+.-]+)::/;
/** Control characters (newlines, NUL, DEL, C1) split or end an argument on their way to git or ssh. */
const CONTROL = /\p{Cc}/u;

const refuse = (reason: string): RepoUrlVerdict => ({ ok: false, reason });

/** Classifies a repository URL the way git will read it, or says why git must not be given it. */
export function checkRepoUrl(url: string): RepoUrlVerdict {
  if (!url) return refuse('is empty');
  if (CONTROL.test(url)) return refuse('contains a control character or line break');
  if (url.startsWith('-')) return refuse('starts with "-", which git would read as an option');
  const helper = REMOTE_HELPER.exec(url)?.[1];
  if (helper) return refuse(`uses git's remote-helper syntax "${helper}::"`);
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    const transport = SCHEMES[scheme];
    if (!transport) return refuse(`has the unsupported scheme "${scheme}://" (https, http, ssh, git or file are understood)`);
    return transport === 'local' ? { ok: true, transport } : checkServerUrl(url, transport);
  }
  return isScpLike(url) ? checkScpLike(url) : { ok: true, transport: 'local' };
}

/** Whether the URL names a repository on the git host's own disk (file:// or a path). */
export const isLocalRepoUrl = (url: string): boolean => {
  const verdict = checkRepoUrl(url);
  return verdict.ok && verdict.transport === 'local';
};

/** A host or user that starts with `-` becomes an ssh option (CVE-2017-1000117). */
function checkServerUrl(url: string, transport: RepoUrlTransport): RepoUrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('is not a valid URL');
  }
  if (!parsed.hostname) return refuse('has no host');
  if (parsed.hostname.startsWith('-') || parsed.username.replace(/^%2d/i, '-').startsWith('-')) return refuse('has a host or user that starts with "-"');
  return { ok: true, transport };
}

/** git's rule (url_is_local_not_ssh): a colon with no slash before it means `[user@]host:path` over ssh. */
function isScpLike(url: string): boolean {
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  return colon >= 0 && (slash < 0 || colon < slash);
}

function checkScpLike(url: string): RepoUrlVerdict {
  // `[host:port]:path` and `user@[::1]:path` put colons inside brackets; the login ends at the first colon outside them.
  const login = /^[^[:]*\[[^\]]*\]/.exec(url)?.[0] ?? url.slice(0, url.indexOf(':'));
  const at = login.lastIndexOf('@');
  const [user, host] = at >= 0 ? [login.slice(0, at), login.slice(at + 1)] : ['', login];
  if (!host.replace(/[[\]]/g, '')) return refuse('has no host before ":"');
  if (user.replace(/^\[/, '').startsWith('-') || host.replace(/^\[/, '').startsWith('-')) return refuse('has a host or user that starts with "-"');
  return { ok: true, transport: 'ssh' };
}
