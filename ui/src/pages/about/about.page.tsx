// About: the server's version, as /api/version reports it (Flotilla's version and commit, Node.js, the tools it runs).
import { versionApi } from '../../api/version.api';
import { LoadState, useLoad } from '../settings/use-load';

const LABELS: Record<string, string> = {
  Version: 'Flotilla version',
  BuildDate: 'Build date',
  GitCommit: 'Git commit',
  GitTag: 'Git tag',
  GitTreeState: 'Git tree state',
  GoVersion: 'Go version',
  Compiler: 'Compiler',
  Platform: 'Platform',
  KustomizeVersion: 'Kustomize version',
  HelmVersion: 'Helm version',
  KubectlVersion: 'kubectl version',
  JsonnetVersion: 'Jsonnet version',
  ExtraBuildInfo: 'Runtime',
};

export function AboutPage() {
  const version = useLoad(() => versionApi.get(), []);
  const entries = Object.entries(version.data ?? {}).filter(([, v]) => v);
  return (
    <main className="page">
      <header className="page-header">
        <h1>About Flotilla</h1>
      </header>
      <p>GitOps continuous delivery for a fleet of Kubernetes clusters, speaking Argo CD&apos;s API.</p>
      <LoadState loaded={version} what="the version" />
      {version.data && (
        <dl className="fields" data-testid="version">
          {entries.map(([k, v]) => (
            <VersionRow key={k} name={LABELS[k] ?? k} value={v ?? ''} />
          ))}
        </dl>
      )}
    </main>
  );
}

function VersionRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}
