import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './providers';
import { useSessionState } from './session';

/** Routes below need a login; without one, the login page, which comes back here after. */
export function RequireAuth() {
  const session = useSession();
  const { token } = useSessionState(session);
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location }} />;
  return <Outlet />;
}
