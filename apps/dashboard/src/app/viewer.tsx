import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../gql/graphql';
import type { Audience } from './navigation';

export type Viewer = NonNullable<ViewerQuery['me']>;

const ViewerContext = createContext<Viewer | null>(null);

export const ViewerProvider = ViewerContext.Provider;

/** The logged-in user; only inside the signed-in layout. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer is used outside the signed-in layout');
  return viewer;
}

export const audienceOf = (viewer: Viewer): Audience => ({
  role: viewer.role,
  organizationType: viewer.organization.type,
});

/** BPOM administrators manage every organisation. */
export const isBpomAdmin = (viewer: Viewer) =>
  viewer.organization.type === 'REGULATOR' && viewer.role === 'ADMIN';
