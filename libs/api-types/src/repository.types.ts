// Argo CD's repository model: Secrets labelled argocd.argoproj.io/secret-type=repository (one repo)
// or repo-creds (credentials for every repo URL under a prefix; the longest prefix wins).

export interface Repository {
  repo: string;
  type?: 'git' | 'helm';
  name?: string;
  project?: string;
  username?: string;
  password?: string;
  bearerToken?: string;
  sshPrivateKey?: string;
  insecure?: boolean;
  insecureIgnoreHostKey?: boolean;
  tlsClientCertData?: string;
  tlsClientCertKey?: string;
  enableOCI?: boolean;
  proxy?: string;
  noProxy?: string;
  forceHttpBasicAuth?: boolean;
  /** Shallow clone depth for this repository (Argo's `depth`); full history when absent or 0. */
  depth?: number | string;
  connectionState?: { status: 'Successful' | 'Failed' | 'Unknown'; message?: string; attemptedAt?: string };
  /** Set when the credentials came from a repo-creds Secret rather than the repository's own. */
  inheritedCreds?: boolean;
}

/** Fields that are secret: never logged, and masked in API answers. */
export const REPOSITORY_SECRET_FIELDS = ['password', 'bearerToken', 'sshPrivateKey', 'tlsClientCertKey'] as const;
