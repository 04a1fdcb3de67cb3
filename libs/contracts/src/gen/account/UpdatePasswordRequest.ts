// Original file: proto/account/account.proto

export interface UpdatePasswordRequest {
  newPassword?: string;
  currentPassword?: string;
  name?: string;
}

export interface UpdatePasswordRequest__Output {
  newPassword: string;
  currentPassword: string;
  name: string;
}
