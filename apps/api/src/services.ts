import type { Pool } from 'pg';
import type { Config } from './config.js';
import { Mailer } from './modules/notifications/mailer.js';
import { NotificationService } from './modules/notifications/notification.service.js';
import { ShipmentService } from './modules/shipments/shipment.service.js';
import { WorkQueueService } from './modules/home/work-queue.service.js';
import { AccountService } from './modules/auth/account.service.js';
import { ApiKeyService } from './modules/auth/api-keys.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { Credentials } from './modules/auth/credentials.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { UserService } from './modules/auth/users.service.js';
import { AuditLog } from './modules/audit/audit.service.js';
import { CodesService } from './modules/codes/codes.service.js';
import { OrganizationService } from './modules/organizations/organization.service.js';
import { AggregationService } from './modules/packs/aggregation.service.js';
import { MovementService } from './modules/packs/movements.service.js';
import { CsvService } from './modules/packs/csv.service.js';
import { TraceService } from './modules/packs/trace.service.js';
import { ProductService } from './modules/products/product.service.js';
import { RecallService } from './modules/recall/recall.service.js';
import { InspectionService } from './modules/inspections/inspection.service.js';
import { RealisationService } from './modules/reports/realisation.service.js';
import { ReportsService } from './modules/reports/reports.service.js';
import { AlertService } from './modules/alerts/alert.service.js';
import { ComplaintService } from './modules/alerts/complaint.service.js';
import { Clock } from './modules/lifecycle/clock.js';
import { VerificationService } from './modules/verification/verification.service.js';
import { PublicLimits } from './modules/verification/limits.js';
import { LedgerService } from './modules/ledger/ledger.service.js';

import { EpcisService } from './modules/epcis/epcis.service.js';
import { CustodyService } from './modules/epcis/custody.js';
import { LifecycleEvents } from './modules/epcis/lifecycle-events.js';
import { SubscriptionService } from './modules/epcis/subscriptions.js';

export function createServices(config: Config, pool: Pool, now?: () => Date) {
  const clock = new Clock(config.reportTimeZone, config.reportedWindowDays, now);
  const alerts = new AlertService();
  const movements = new MovementService(clock, alerts);
  const limits = new PublicLimits(clock.now);
  const notifications = new NotificationService(pool, config.smtpUrl ? new Mailer(config.smtpUrl, config.smtpFrom, config.publicUrl) : null);
  const shipments = new ShipmentService(movements, notifications, alerts, clock);
  const audit = new AuditLog();
  const credentials = new Credentials(new LoginThrottle(() => clock.now().getTime()), audit);
  const aggregation = new AggregationService(movements);
  const subscriptions = new SubscriptionService(config.webhookPrivateDestinations);
  const epcis = new EpcisService(clock, new CustodyService(movements, aggregation, shipments), new LifecycleEvents(clock), subscriptions);
  return {
    clock,
    audit,
    auth: new AuthService(config, credentials),
    users: new UserService(audit),
    account: new AccountService(credentials, audit),
    apiKeys: new ApiKeyService(audit),
    organizations: new OrganizationService(),
    products: new ProductService(),
    codes: new CodesService(config.publicUrl, clock),
    movements,
    aggregation,
    csv: new CsvService(movements, shipments),
    shipments,
    notifications,
    workQueue: new WorkQueueService(clock),
    trace: new TraceService(),
    recalls: new RecallService(clock, notifications),
    inspections: new InspectionService(clock),
    realisation: new RealisationService(),
    reports: new ReportsService(clock),
    verification: new VerificationService(clock, alerts, limits),
    alerts,
    complaints: new ComplaintService(limits),
    ledger: new LedgerService(alerts, config.ledgerKeyFile, config.demo),
    epcis,
    subscriptions,
  };
}

export type Services = ReturnType<typeof createServices>;
