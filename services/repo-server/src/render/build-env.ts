/** What a render knows about the Application, for Argo's build environment. */
export interface BuildEnvInput {
  appName?: string;
  namespace?: string;
  projectName?: string;
  revision: string;
  repoURL: string;
  path?: string;
  targetRevision?: string;
}

/** Argo CD's build environment (reposerver newEnv): the variables tools and substitutions see. */
export function buildEnv(input: BuildEnvInput): Record<string, string> {
  return {
    ARGOCD_APP_NAME: input.appName ?? '',
    ARGOCD_APP_NAMESPACE: input.namespace ?? '',
    ARGOCD_APP_PROJECT_NAME: input.projectName ?? '',
    ARGOCD_APP_REVISION: input.revision,
    ARGOCD_APP_REVISION_SHORT: input.revision.slice(0, 7),
    ARGOCD_APP_REVISION_SHORT_8: input.revision.slice(0, 8),
    ARGOCD_APP_SOURCE_REPO_URL: input.repoURL,
    ARGOCD_APP_SOURCE_PATH: input.path ?? '',
    ARGOCD_APP_SOURCE_TARGET_REVISION: input.targetRevision ?? '',
  };
}

const SPECIAL = '*#$@!?-0123456789';
const nameChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);

/** The variable name after a `$` and how many characters it spans (Go's os.getShellName). */
function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && SPECIAL.includes(s[1]) && s[2] === '}') return [s[1], 3];
    for (let i = 1; i < s.length; i++) if (s[i] === '}') return i === 1 ? ['', 2] : [s.slice(1, i), i + 1];
    return ['', 1];
  }
  if (SPECIAL.includes(s[0])) return [s[0], 1];
  let i = 0;
  while (i < s.length && nameChar(s[i])) i++;
  return [s.slice(0, i), i];
}

/**
 * Argo's Env.Envsubst, which is Go's os.Expand: `$VAR` and `${VAR}` become the variable's value,
 * unknown variables become empty, and `$$` is a literal `$`.
 */
export function envsubst(text: string, env: Record<string, string>): string {
  let out = '';
  let from = 0;
  for (let j = 0; j < text.length; j++) {
    if (text[j] !== '$' || j + 1 >= text.length) continue;
    out += text.slice(from, j);
    const [name, width] = shellName(text.slice(j + 1));
    if (name === '' && width === 0) out += '$';
    else if (name === '$') out += '$';
    else if (name !== '') out += env[name] ?? '';
    j += width;
    from = j + 1;
  }
  return out + text.slice(from);
}
