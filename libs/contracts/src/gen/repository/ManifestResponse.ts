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
  /**
   * With verifySignature: `git verify-commit --raw` (or verify-tag) status lines for the revision,
   * empty when it carries no signature. The caller decides whether the signer is allowed.
   */
  verifyResult?: string;
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
  /**
   * With verifySignature: `git verify-commit --raw` (or verify-tag) status lines for the revision,
   * empty when it carries no signature. The caller decides whether the signer is allowed.
   */
  verifyResult: string;
}
