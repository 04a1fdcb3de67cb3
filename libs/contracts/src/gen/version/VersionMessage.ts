// Original file: proto/version/version.proto

export interface VersionMessage {
  Version?: string;
  BuildDate?: string;
  GitCommit?: string;
  GitTreeState?: string;
  NodeVersion?: string;
  Platform?: string;
  KustomizeVersion?: string;
  HelmVersion?: string;
  KubectlVersion?: string;
  JsonnetVersion?: string;
}

export interface VersionMessage__Output {
  Version: string;
  BuildDate: string;
  GitCommit: string;
  GitTreeState: string;
  NodeVersion: string;
  Platform: string;
  KustomizeVersion: string;
  HelmVersion: string;
  KubectlVersion: string;
  JsonnetVersion: string;
}
