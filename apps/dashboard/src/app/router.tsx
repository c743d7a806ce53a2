import { Suspense, lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/routes/ApiKeysPage';
import { LoginPage } from '../features/auth/routes/LoginPage';
import { FacilitiesPage } from '../features/facilities/routes/FacilitiesPage';
import { HomePage } from '../features/home/routes/HomePage';
import { OrganizationsPage } from '../features/organizations/routes/OrganizationsPage';
import { UsersPage } from '../features/users/routes/UsersPage';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { navItem } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { RequireAccess } from './RequireAccess';
import { RequireAuth } from './RequireAuth';
import { Loading } from '../shared/ui';

// The public page comes with the barcode parser and, on demand, the camera decoder: its own
// chunks, so the signed-in screens do not carry them.
const VerifyPage = lazy(() => import('../features/verify/routes/VerifyPage').then((module) => ({ default: module.VerifyPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** A route for a navigation entry: its path, guarded by who sees the entry. */
function screen(id: string, element: ReactNode) {
  const { path } = navItem(id);
  return { path, element: <RequireAccess item={id}>{element}</RequireAccess> };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public pages: no login. A GS1 Digital Link of a Jejak code (/01/{gtin}/...) is checked as
  // it stands, the whole address being the code.
  {
    element: <PublicLayout />,
    children: [
      { path: navItem('verify').path, element: later(<VerifyPage />) },
      { path: '/01/*', element: later(<VerifyPage digitalLink />) },
    ],
  },
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
