// Original file: proto/gpgkey/gpgkey.proto

export interface GnuPGPublicKeyQuery {
  keyID?: string;
}

export interface GnuPGPublicKeyQuery__Output {
  keyID: string;
}
