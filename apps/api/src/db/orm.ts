import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ApiKey, Session, User } from '../modules/auth/auth.entity.js';
import { Facility, Organization } from '../modules/organizations/organization.entity.js';
import { Product } from '../modules/products/product.entity.js';
import { Batch } from '../modules/products/batch.entity.js';
import { CodeRequest } from '../modules/codes/code-request.entity.js';
import { Recall } from '../modules/recall/recall.entity.js';
import { Inspection } from '../modules/inspections/inspection.entity.js';
import { AuditEvent } from '../modules/audit/audit.entity.js';
import { migrations } from '../migrations/index.js';
import { logger } from '../shared/logger.js';
import { StartupError, reasonOf } from '../startup-error.js';
import { SESSION_OPTIONS } from '../shared/db.js';

export const entities = [Organization, Facility, User, Session, ApiKey, Product, Batch, CodeRequest, Recall, Inspection, AuditEvent];

export function ormOptions(clientUrl: string, migrationsList = migrations): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    logger: (message) => logger.debug({ orm: message }),
    pool: { min: 0, max: 20 },
    driverOptions: {
      connection: { options: SESSION_OPTIONS },
      // The query builder's own notices (a pooled connection closed by the server, say) go to
      // the log, not to the console.
      log: {
        warn: (message: unknown) => logger.warn({ orm: String(message).slice(0, 200) }, 'database driver notice'),
        error: (message: unknown) => logger.error({ orm: String(message).slice(0, 200) }, 'database driver error'),
        deprecate: () => undefined,
        debug: () => undefined,
      },
    },
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
  };
}

/** Connects and brings the schema up to date; a failing migration changes nothing. */
export async function openOrm(clientUrl: string, migrationsList = migrations): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(clientUrl, migrationsList));
  try {
    const applied = await orm.getMigrator().up();
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    await orm.close(true);
    throw new StartupError(
      `A database migration failed, so nothing was changed (${migrationProblem(error)}); fix the database, or set DATABASE_URL to another one.`,
    );
  }
  return orm;
}

/** The failed migration and PostgreSQL's reason, without the SQL the message also quotes (before " - "). */
function migrationProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = /Migration (\S+) \(up\) failed/.exec(message)?.[1];
  const reason = reasonOf(message.includes(' - ') ? message.slice(message.lastIndexOf(' - ') + 3) : message);
  return name ? `${name}: ${reason}` : reason;
}
