// Argo CD's RBAC: casbin-style `p` (permission) and `g` (role) lines from argocd-rbac-cm's policy.csv,
// on top of the built-in role:readonly and role:admin, with policy.default for every logged-in user.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/rbac/

export const RBAC_RESOURCES = [
  'clusters',
  'projects',
  'applications',
  'applicationsets',
  'repositories',
  'write-repositories',
  'certificates',
  'accounts',
  'gpgkeys',
  'logs',
  'exec',
  'extensions',
] as const;
export const RBAC_ACTIONS = ['get', 'create', 'update', 'delete', 'sync', 'rollback', 'override', 'action', 'invoke'] as const;

interface Permission {
  subject: string;
  resource: string;
  action: string;
  object: string;
  allow: boolean;
}

const READONLY_RESOURCES = ['certificates', 'clusters', 'repositories', 'write-repositories', 'projects', 'accounts', 'gpgkeys'];
const ADMIN_WRITES: Record<string, string[]> = {
  applications: ['create', 'update', 'update/*', 'delete', 'delete/*', 'sync', 'rollback', 'override', 'action/*'],
  applicationsets: ['get', 'create', 'update', 'delete'],
  certificates: ['create', 'update', 'delete'],
  clusters: ['create', 'update', 'delete'],
  repositories: ['create', 'update', 'delete'],
  'write-repositories': ['create', 'update', 'delete'],
  projects: ['create', 'update', 'delete'],
  accounts: ['update'],
  gpgkeys: ['create', 'delete'],
  exec: ['create'],
};
const PROJECT_SCOPED = new Set(['applications', 'applicationsets', 'logs', 'exec']);

/** The built-in policy, written as the same lines an operator would put in policy.csv. */
function builtinPolicy(): string {
  const lines = ['g, role:admin, role:readonly', 'g, admin, role:admin'];
  for (const r of ['applications', 'applicationsets', 'logs']) lines.push(`p, role:readonly, ${r}, get, */*, allow`);
  for (const r of READONLY_RESOURCES) lines.push(`p, role:readonly, ${r}, get, *, allow`);
  for (const [resource, actions] of Object.entries(ADMIN_WRITES)) {
    for (const action of actions) lines.push(`p, role:admin, ${resource}, ${action}, ${PROJECT_SCOPED.has(resource) ? '*/*' : '*'}, allow`);
  }
  return lines.join('\n');
}

const globCache = new Map<string, RegExp>();
/** Argo's glob match: `*` spans any characters, including `/`. */
function globMatch(value: string, pattern: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    globCache.set(pattern, re);
  }
  return re.test(value);
}

/** A parsed RBAC policy that answers "may this user do this". */
export class RbacPolicy {
  private readonly permissions: Permission[] = [];
  private readonly roles = new Map<string, string[]>();

  constructor(
    policyCsv = '',
    private readonly defaultRole = '',
  ) {
    for (const text of [builtinPolicy(), policyCsv]) this.parse(text);
  }

  /** Whether `subject` (a user name) may perform `action` on `resource` `object`. */
  enforce(subject: string, resource: string, action: string, object: string): boolean {
    const subjects = this.subjectsOf(subject);
    if (this.defaultRole) for (const s of this.subjectsOf(this.defaultRole)) subjects.add(s);
    let allowed = false;
    for (const p of this.permissions) {
      if (!subjects.has(p.subject) || !globMatch(resource, p.resource) || !globMatch(action, p.action) || !globMatch(object, p.object))
        continue;
      if (!p.allow) return false;
      allowed = true;
    }
    return allowed;
  }

  private subjectsOf(subject: string): Set<string> {
    const seen = new Set<string>();
    const pending = [subject];
    while (pending.length > 0) {
      const s = pending.pop() as string;
      if (seen.has(s)) continue;
      seen.add(s);
      pending.push(...(this.roles.get(s) ?? []));
    }
    return seen;
  }

  private parse(text: string): void {
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const cells = line.split(',').map((c) => c.trim());
      if (cells[0] === 'g' && cells.length >= 3) this.roles.set(cells[1], [...(this.roles.get(cells[1]) ?? []), cells[2]]);
      if (cells[0] === 'p' && cells.length >= 5) {
        this.permissions.push({
          subject: cells[1],
          resource: cells[2],
          action: cells[3],
          object: cells[4],
          allow: (cells[5] ?? 'allow') !== 'deny',
        });
      }
    }
  }
}
