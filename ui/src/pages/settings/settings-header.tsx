// The header of a settings page: a way back to Settings, the title, and the page's own actions.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function SettingsHeader({ title, onRefresh, children }: { title: string; onRefresh?: () => void; children?: ReactNode }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="muted">
        <Link to="/settings">Settings</Link> › {title}
      </nav>
      <header className="page-header">
        <h1>{title}</h1>
        {children}
        {onRefresh && (
          <button type="button" onClick={onRefresh}>
            Refresh
          </button>
        )}
      </header>
    </>
  );
}
