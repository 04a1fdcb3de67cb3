import type { ApplicationSource } from '@flotilla/api-types';
import type { RenderLimits } from '../limits/render-limits';
import type { RenderWorkspace } from '../workspace/render-workspace.service';

/** Where the rendering tools are and the PATH they run with (from repo-server's configuration). */
export interface ToolBinaries {
  helm: string;
  kubectl: string;
  /** A standalone `kustomize`; `kubectl kustomize` is used without one. */
  kustomize?: string;
  path: string;
  /** Where charts pulled from Helm repositories are kept between renders. */
  chartCacheDir: string;
  /** Argo's argocd-tls-certs-cm, mounted: PEM certificates per server host name, trusted for Helm repositories over HTTPS. */
  tlsDataPath?: string;
}

/** Credentials for a Helm chart repository (the Application's repository Secret). */
export interface HelmRepoCredentials {
  username?: string;
  password?: string;
  /** Skip verifying the repository's TLS certificate. */
  insecure?: boolean;
  /** A PEM client certificate and key for a repository that asks for one. */
  tlsClientCertData?: string;
  tlsClientCertKey?: string;
}

/** Everything one render of one source needs. */
export interface RenderContext {
  source: ApplicationSource;
  /** The source path inside the repository, normalised (`.` for the root). */
  appPath: string;
  /** The private checkout (absent for charts from a Helm repository). */
  workspace?: RenderWorkspace;
  /** Scratch space for this render. */
  scratch: string;
  appName: string;
  namespace: string;
  kubeVersion?: string;
  apiVersions: string[];
  /** Argo's build environment (ARGOCD_APP_*). */
  env: Record<string, string>;
  limits: RenderLimits;
  tools: ToolBinaries;
  /** `$ref` alias → root of that source's private checkout (multi-source Applications). */
  refRoots: Map<string, string>;
  helmCredentials?: HelmRepoCredentials;
}
