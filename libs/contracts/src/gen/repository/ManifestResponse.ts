// Original file: proto/reposerver/reposerver.proto

export interface ManifestResponse {
  /**
   * One JSON document per Kubernetes object.
   */
  manifests?: string[];
  namespace?: string;
  /**
   * The commit SHA the manifests were rendered from.
   */
  revision?: string;
  sourceType?: string;
  fromCache?: boolean;
}

export interface ManifestResponse__Output {
  /**
   * One JSON document per Kubernetes object.
   */
  manifests: string[];
  namespace: string;
  /**
   * The commit SHA the manifests were rendered from.
   */
  revision: string;
  sourceType: string;
  fromCache: boolean;
}
