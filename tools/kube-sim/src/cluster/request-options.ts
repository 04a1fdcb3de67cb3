/** Who is calling: the authenticated user as the API server sees it. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export const SYSTEM_CONTROLLER: UserInfo = { username: 'system:kube-controller-manager', groups: ['system:authenticated'] };

export interface WriteOptions {
  dryRun?: boolean;
  /** Field manager for managedFields; defaults from the user agent at the HTTP edge. */
  fieldManager?: string;
  /** `Strict` rejects unknown fields, `Warn` reports them, `Ignore` drops them. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  user?: UserInfo;
  /** Warnings to return in `Warning:` headers. */
  warnings?: string[];
  /** The JSON request body as sent: json-iterator's decode errors (1.20 … 1.22) quote its bytes. */
  rawBody?: string;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};
