// Original file: proto/gpgkey/gpgkey.proto

import type {
  GnuPGPublicKey as _gpgkey_GnuPGPublicKey,
  GnuPGPublicKey__Output as _gpgkey_GnuPGPublicKey__Output,
} from '../gpgkey/GnuPGPublicKey';

export interface GnuPGPublicKeyCreateRequest {
  /**
   * keyData holds one or more ASCII-armored public keys.
   */
  publicKey?: _gpgkey_GnuPGPublicKey | null;
  /**
   * Replace keys that are already configured instead of skipping them.
   */
  upsert?: boolean;
}

export interface GnuPGPublicKeyCreateRequest__Output {
  /**
   * keyData holds one or more ASCII-armored public keys.
   */
  publicKey: _gpgkey_GnuPGPublicKey__Output | null;
  /**
   * Replace keys that are already configured instead of skipping them.
   */
  upsert: boolean;
}
