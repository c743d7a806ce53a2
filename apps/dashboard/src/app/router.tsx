import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/routes/ApiKeysPage';
import { LoginPage } from '../features/auth/routes/LoginPage';
import { FacilitiesPage } from '../features/facilities/routes/FacilitiesPage';
import { HomePage } from '../features/home/routes/HomePage';
import { OrganizationsPage } from '../features/organizations/routes/OrganizationsPage';
import { UsersPage } from '../features/users/routes/UsersPage';
import { AppLayout } from './layout/AppLayout';
import { navItem } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { RequireAccess } from './RequireAccess';
import { RequireAuth } from './RequireAuth';

/** A route for a navigation entry: its path, guarded by who sees the entry. */
function screen(id: string, element: ReactNode) {
  const { path } = navItem(id);
  return { path, element: <RequireAccess item={id}>{element}</RequireAccess> };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          screen('home', <HomePage />),
          screen('facilities', <FacilitiesPage />),
          screen('organizations', <OrganizationsPage />),
          screen('users', <UsersPage />),
          screen('apiKeys', <ApiKeysPage />),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
