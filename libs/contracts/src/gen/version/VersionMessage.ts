// Original file: proto/version/version.proto

export interface VersionMessage {
  Version?: string;
  BuildDate?: string;
  GitCommit?: string;
  GitTag?: string;
  GitTreeState?: string;
  GoVersion?: string;
  Compiler?: string;
  Platform?: string;
  KustomizeVersion?: string;
  HelmVersion?: string;
  KubectlVersion?: string;
  JsonnetVersion?: string;
  ExtraBuildInfo?: string;
}

export interface VersionMessage__Output {
  Version: string;
  BuildDate: string;
  GitCommit: string;
  GitTag: string;
  GitTreeState: string;
  GoVersion: string;
  Compiler: string;
  Platform: string;
  KustomizeVersion: string;
  HelmVersion: string;
  KubectlVersion: string;
  JsonnetVersion: string;
  ExtraBuildInfo: string;
}
