import { ApolloProvider } from '@apollo/client/react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createApolloClient } from './apollo';
import { Session } from './session';

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside AppProviders');
  return session;
}

/** The session and the GraphQL client, made once per page load. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [session] = useState(() => new Session());
  const [client] = useState(() => createApolloClient(session));
  return (
    <SessionContext.Provider value={session}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </SessionContext.Provider>
  );
}
