// Settings: the pages that manage what Flotilla deploys from and to, and the server's settings as /api/v1/settings gives them.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { settingsApi, type Settings } from '../../api/settings.api';
import { LoadState, useLoad } from './use-load';
import './settings.css';

const PAGES = [
  { to: '/settings/repos', title: 'Repositories', text: 'Git repositories and credential templates' },
  { to: '/settings/clusters', title: 'Clusters', text: 'The clusters applications deploy to' },
  { to: '/settings/projects', title: 'Projects', text: 'What each project may deploy, from where, to where' },
];

const yesNo = (v?: boolean): string => (v ? 'enabled' : 'disabled');

export function SettingsPage() {
  const settings = useLoad(() => settingsApi.get(), []);
  return (
    <main className="page">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <div className="cards">
        {PAGES.map((p) => (
          <Link key={p.to} to={p.to} className="card">
            <h2>{p.title}</h2>
            <p>{p.text}</p>
          </Link>
        ))}
      </div>
      <section className="section" aria-labelledby="server-settings">
        <h2 id="server-settings">Server settings</h2>
        <LoadState loaded={settings} what="settings" />
        {settings.data && <ServerSettings s={settings.data} />}
      </section>
    </main>
  );
}

function ServerSettings({ s }: { s: Settings }) {
  const rows: [string, ReactNode][] = [
    ['URL', s.url || '—'],
    ['Controller namespace', s.controllerNamespace || '—'],
    ['Application label key', s.appLabelKey || '—'],
    ['Resource tracking method', s.trackingMethod || '—'],
    ['Local users', s.userLoginsDisabled ? 'logins disabled' : 'logins enabled'],
    ['Password pattern', s.passwordPattern ? <code>{s.passwordPattern}</code> : '—'],
    ['SSO (Dex connectors)', (s.dexConfig?.connectors ?? []).map((c) => c.name ?? c.id).join(', ') || 'none'],
    ['SSO (OIDC)', s.oidcConfig?.issuer ? `${s.oidcConfig.name ?? ''} ${s.oidcConfig.issuer}` : 'none'],
    ['Applications in any namespace', yesNo(s.appsInAnyNamespaceEnabled)],
    ['Status badge', yesNo(s.statusBadgeEnabled)],
    ['Terminal (exec)', yesNo(s.execEnabled)],
    ['Impersonation', yesNo(s.impersonationEnabled)],
    ['Sync with Replace', s.syncWithReplaceAllowed ? 'allowed' : 'not allowed'],
    ['Kustomize build options', s.kustomizeOptions?.buildOptions || '—'],
    ['Kustomize versions', (s.kustomizeVersions ?? []).join(', ') || '—'],
    ['Config management plugins', (s.plugins ?? []).map((p) => p.name).join(', ') || 'none'],
    ['Resource customizations', Object.keys(s.resourceOverrides ?? {}).join(', ') || 'none'],
  ];
  return (
    <dl className="fields" data-testid="server-settings">
      {rows.map(([k, v]) => (
        <Row key={k} name={k} value={v} />
      ))}
    </dl>
  );
}

function Row({ name, value }: { name: string; value: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}
