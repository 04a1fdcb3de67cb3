// Original file: proto/gpgkey/gpgkey.proto

/**
 * One public key (Argo's v1alpha1.GnuPGPublicKey).
 */
export interface GnuPGPublicKey {
  /**
   * The long key ID (16 hex digits), the ConfigMap's key.
   */
  keyID?: string;
  fingerprint?: string;
  /**
   * The first user ID.
   */
  owner?: string;
  trust?: string;
  /**
   * Algorithm and size, e.g. rsa4096 or ed25519.
   */
  subType?: string;
  /**
   * The ASCII-armored key.
   */
  keyData?: string;
}

/**
 * One public key (Argo's v1alpha1.GnuPGPublicKey).
 */
export interface GnuPGPublicKey__Output {
  /**
   * The long key ID (16 hex digits), the ConfigMap's key.
   */
  keyID: string;
  fingerprint: string;
  /**
   * The first user ID.
   */
  owner: string;
  trust: string;
  /**
   * Algorithm and size, e.g. rsa4096 or ed25519.
   */
  subType: string;
  /**
   * The ASCII-armored key.
   */
  keyData: string;
}
