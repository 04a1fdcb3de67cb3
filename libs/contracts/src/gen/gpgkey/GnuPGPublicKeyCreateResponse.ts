// Original file: proto/gpgkey/gpgkey.proto

import type {
  GnuPGPublicKeyList as _gpgkey_GnuPGPublicKeyList,
  GnuPGPublicKeyList__Output as _gpgkey_GnuPGPublicKeyList__Output,
} from '../gpgkey/GnuPGPublicKeyList';

export interface GnuPGPublicKeyCreateResponse {
  created?: _gpgkey_GnuPGPublicKeyList | null;
  /**
   * Key IDs already configured (and not replaced).
   */
  skipped?: string[];
}

export interface GnuPGPublicKeyCreateResponse__Output {
  created: _gpgkey_GnuPGPublicKeyList__Output | null;
  /**
   * Key IDs already configured (and not replaced).
   */
  skipped: string[];
}
