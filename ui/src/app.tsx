// The routes, as Argo CD's UI has them: /login, /applications, /applications/<namespace>/<name>, /settings/….
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useEffect } from 'react';
import { setUnauthorizedHandler } from './api/api.client';
import { Layout } from './components/layout';
import { LoginPage } from './pages/login.page';
import { ApplicationsPage } from './pages/applications.page';
import { ApplicationDetailsPage } from './pages/application-details.page';
import { UserInfoPage } from './pages/user-info.page';
import { AboutPage } from './pages/about/about.page';
import { ApplicationSetDetailsPage } from './pages/appsets/applicationset-details.page';
import { ApplicationSetsPage } from './pages/appsets/applicationsets.page';
import { CreateAppFromLink } from './pages/create-app/create-app.route';
import { ClustersPage } from './pages/settings/clusters.page';
import { ProjectDetailsPage } from './pages/settings/project-details.page';
import { ProjectsPage } from './pages/settings/projects.page';
import { RepositoriesPage } from './pages/settings/repositories.page';
import { SettingsPage } from './pages/settings/settings.page';

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
