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
  /**
   * Set when git (or the Helm repository) could not be reached and the last good render was
   * served instead: why, and which commit it is from.
   */
  staleReason?: string;
  /**
   * The earlier commit whose render was reused because manifest-generate-paths saw no change.
   */
  reusedFrom?: string;
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
  /**
   * Set when git (or the Helm repository) could not be reached and the last good render was
   * served instead: why, and which commit it is from.
   */
  staleReason: string;
  /**
   * The earlier commit whose render was reused because manifest-generate-paths saw no change.
   */
  reusedFrom: string;
}
