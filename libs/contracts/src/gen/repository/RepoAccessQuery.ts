// Original file: proto/repository/repository.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Argo's RepoAccessQuery: a repository and the credentials to try, none of it stored.
 */
export interface RepoAccessQuery {
  repo?: string;
  username?: string;
  password?: string;
  sshPrivateKey?: string;
  insecure?: boolean;
  tlsClientCertData?: string;
  tlsClientCertKey?: string;
  type?: string;
  name?: string;
  enableOci?: boolean;
  githubAppPrivateKey?: string;
  githubAppID?: number | string | Long;
  githubAppInstallationID?: number | string | Long;
  githubAppEnterpriseBaseUrl?: string;
  proxy?: string;
  project?: string;
  gcpServiceAccountKey?: string;
  forceHttpBasicAuth?: boolean;
  useAzureWorkloadIdentity?: boolean;
  bearerToken?: string;
  insecureOciForceHttp?: boolean;
}

/**
 * Argo's RepoAccessQuery: a repository and the credentials to try, none of it stored.
 */
export interface RepoAccessQuery__Output {
  repo: string;
  username: string;
  password: string;
  sshPrivateKey: string;
  insecure: boolean;
  tlsClientCertData: string;
  tlsClientCertKey: string;
  type: string;
  name: string;
  enableOci: boolean;
  githubAppPrivateKey: string;
  githubAppID: string;
  githubAppInstallationID: string;
  githubAppEnterpriseBaseUrl: string;
  proxy: string;
  project: string;
  gcpServiceAccountKey: string;
  forceHttpBasicAuth: boolean;
  useAzureWorkloadIdentity: boolean;
  bearerToken: string;
  insecureOciForceHttp: boolean;
}
