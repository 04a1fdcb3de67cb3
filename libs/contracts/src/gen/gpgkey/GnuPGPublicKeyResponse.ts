// Original file: proto/gpgkey/gpgkey.proto

export interface GnuPGPublicKeyResponse {}

export interface GnuPGPublicKeyResponse__Output {}
