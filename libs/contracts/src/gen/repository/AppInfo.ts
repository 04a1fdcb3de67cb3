// Original file: proto/repository/repository.proto

/**
 * One application found in a repository: its type (Directory, Helm, Kustomize, Plugin) and path.
 */
export interface AppInfo {
  type?: string;
  path?: string;
}

/**
 * One application found in a repository: its type (Directory, Helm, Kustomize, Plugin) and path.
 */
export interface AppInfo__Output {
  type: string;
  path: string;
}
