import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from './modules/auth/account.resolver.js';
import { ApiKeysResolver } from './modules/auth/api-keys.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { UsersResolver } from './modules/auth/users.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { OrganizationResolver } from './modules/organizations/organization.resolver.js';
import { ProductResolver } from './modules/products/product.resolver.js';
import { BarcodeResolver } from './modules/barcode/barcode.resolver.js';
import { AlertResolver } from './modules/alerts/alert.resolver.js';
import { VerificationResolver } from './modules/verification/verification.resolver.js';
import { CodesResolver } from './modules/codes/codes.resolver.js';
import { MovementResolver } from './modules/packs/movements.resolver.js';
import { TraceResolver } from './modules/packs/trace.resolver.js';
import { RecallResolver } from './modules/recall/recall.resolver.js';
import { InspectionResolver } from './modules/inspections/inspection.resolver.js';
import { RealisationResolver } from './modules/reports/realisation.resolver.js';
import { ReportsResolver } from './modules/reports/reports.resolver.js';
import { LifecycleResolver } from './modules/lifecycle/lifecycle.resolver.js';
import { ShipmentResolver } from './modules/shipments/shipment.resolver.js';
import { NotificationResolver } from './modules/notifications/notification.resolver.js';
import { WorkQueueResolver } from './modules/home/work-queue.resolver.js';
import { LedgerResolver } from './modules/ledger/ledger.resolver.js';
import { authChecker } from './shared/auth.js';

export const resolvers = [
  AuthResolver,
  UsersResolver,
  AccountResolver,
  ApiKeysResolver,
  AuditResolver,
  BarcodeResolver,
  OrganizationResolver,
  ProductResolver,
  CodesResolver,
  MovementResolver,
  TraceResolver,
  RecallResolver,
  InspectionResolver,
  RealisationResolver,
  ReportsResolver,
  VerificationResolver,
  AlertResolver,
  LifecycleResolver,
  ShipmentResolver,
  NotificationResolver,
  WorkQueueResolver,
  LedgerResolver,
] as const;

export function buildJejakSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, authChecker, validate: false });
}

/** The schema as committed in packages/schema/schema.graphql. */
export const printJejakSchema = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema)) + '\n';
