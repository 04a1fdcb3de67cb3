// The routes, as Argo CD's UI has them: /login, /applications, /applications/<namespace>/<name>, /settings/….
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { setUnauthorizedHandler } from './api/api.client';
import { Layout } from './components/layout';
import { LoginPage } from './pages/login.page';
import { ApplicationsPage } from './pages/applications.page';
import { CreateAppFromLink } from './pages/create-app/create-app.route';

/**
 * Every other page is its own chunk, fetched when first visited: the applications page (where most
 * visits start) boots without the resource tree's graph layout, the editors and the settings forms.
 */
function page<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
const ApplicationDetailsPage = page(() => import('./pages/application-details.page'), 'ApplicationDetailsPage');
const UserInfoPage = page(() => import('./pages/user-info.page'), 'UserInfoPage');
const AboutPage = page(() => import('./pages/about/about.page'), 'AboutPage');
const ApplicationSetDetailsPage = page(() => import('./pages/appsets/applicationset-details.page'), 'ApplicationSetDetailsPage');
const ApplicationSetsPage = page(() => import('./pages/appsets/applicationsets.page'), 'ApplicationSetsPage');
const ClustersPage = page(() => import('./pages/settings/clusters.page'), 'ClustersPage');
const ProjectDetailsPage = page(() => import('./pages/settings/project-details.page'), 'ProjectDetailsPage');
const ProjectsPage = page(() => import('./pages/settings/projects.page'), 'ProjectsPage');
const RepositoriesPage = page(() => import('./pages/settings/repositories.page'), 'RepositoriesPage');
const SettingsPage = page(() => import('./pages/settings/settings.page'), 'SettingsPage');

/** What a page shows while its chunk loads (usually too briefly to see). */
function PageLoading() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted">Loading…</p>
    </main>
  );
}

function UnauthorizedToLogin(): null {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (location.pathname !== '/login') void navigate(`/login?return_url=${encodeURIComponent(location.pathname + location.search)}`);
    });
  }, [navigate, location]);
  return null;
}

export function App() {
  return (
    <BrowserRouter>
      <UnauthorizedToLogin />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<Layout />}>
            <Route path="/" element={<Navigate to="/applications" replace />} />
            <Route
              path="/applications"
              element={
                <>
                  <ApplicationsPage />
                  <CreateAppFromLink />
                </>
              }
            />
            <Route path="/applications/:namespace/:name" element={<ApplicationDetailsPage />} />
            <Route path="/applicationsets" element={<ApplicationSetsPage />} />
            <Route path="/applicationsets/:namespace/:name" element={<ApplicationSetDetailsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/settings/repos" element={<RepositoriesPage />} />
            <Route path="/settings/clusters" element={<ClustersPage />} />
            <Route path="/settings/projects" element={<ProjectsPage />} />
            <Route path="/settings/projects/:name" element={<ProjectDetailsPage />} />
            <Route path="/user-info" element={<UserInfoPage />} />
            <Route path="/about" element={<AboutPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

function NotFound() {
  return (
    <main className="page">
      <h1>Page not found</h1>
    </main>
  );
}
