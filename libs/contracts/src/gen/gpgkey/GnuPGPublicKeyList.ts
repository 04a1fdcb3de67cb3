// Original file: proto/gpgkey/gpgkey.proto

import type {
  GnuPGPublicKey as _gpgkey_GnuPGPublicKey,
  GnuPGPublicKey__Output as _gpgkey_GnuPGPublicKey__Output,
} from '../gpgkey/GnuPGPublicKey';

export interface GnuPGPublicKeyList {
  items?: _gpgkey_GnuPGPublicKey[];
}

export interface GnuPGPublicKeyList__Output {
  items: _gpgkey_GnuPGPublicKey__Output[];
}
