// The frame of every page after login: the navigation bar on the left, the page on the right.
import { NavLink, Outlet } from 'react-router-dom';

const NAV = [
  { to: '/applications', label: 'Applications' },
  { to: '/applicationsets', label: 'ApplicationSets' },
  { to: '/settings', label: 'Settings' },
  { to: '/user-info', label: 'User info' },
  { to: '/about', label: 'About' },
];

export function Layout() {
  return (
    <div className="layout">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Flotilla</div>
        <ul>
          {NAV.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to}>{n.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
