import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { errorCodeOf, isSessionEnded } from '../shared/errors';
import type { Session } from './session';

/**
 * Operations whose auth errors say nothing new about the session: logging in, logging out
 * (which signs out anyway, with its own message), and the public verification page's.
 */
const PUBLIC_OPERATIONS = new Set(['Login', 'Logout', 'VerifyCode', 'ReportSuspect']);

/**
 * The GraphQL client: sends the login token as a bearer token and, when any request comes
 * back UNAUTHENTICATED or TOKEN_EXPIRED, signs out (the router then shows the login page).
 */
export function createApolloClient(session: Session) {
  const auth = new SetContextLink((previous) => {
    const token = session.token;
    if (!token) return {};
    return { headers: { ...previous.headers, authorization: `Bearer ${token}` } };
  });

  const sessionEnded = new ErrorLink(({ error, operation }) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return;
    const code = errorCodeOf(error);
    if (isSessionEnded(code)) session.signOut(code);
  });

  const http = new HttpLink({ uri: '/graphql' });

  const client = new ApolloClient({
    link: ApolloLink.from([sessionEnded, auth, http]),
    cache: new InMemoryCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });

  // Nothing one user saw may remain for the next.
  session.onSignOut(() => {
    void client.clearStore();
  });

  return client;
}
