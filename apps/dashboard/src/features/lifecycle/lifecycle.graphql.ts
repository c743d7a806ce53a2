import { graphql } from '../../gql';

/** The rules of a pack's life as the server applies them: the screens ask, never guess. */
export const LifecycleQuery = graphql(`
  query Lifecycle {
    lifecycle {
      movements {
        movement
        actors
      }
      routes {
        movement
        from
        to
      }
      decommissionReasons
      undoWindowDays
      reportedWindowDays
      reportTimeZone
    }
  }
`);
