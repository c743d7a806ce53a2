import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LogoutMutation } from '../../features/auth/auth.graphql';
import { useSession } from '../providers';

/** Ends the login on the server, then forgets the token and everything cached. */
export function LogoutButton() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(LogoutMutation);

  async function onClick() {
    try {
      await logout();
    } catch {
      // The token may already be invalid; signing out locally is what matters.
    }
    session.signOut('LOGGED_OUT');
    await navigate('/login', { replace: true });
  }

  return (
    <button type="button" className="button button-quiet" onClick={() => void onClick()} disabled={loading}>
      {loading ? t('auth.loggingOut') : t('auth.logout')}
    </button>
  );
}
