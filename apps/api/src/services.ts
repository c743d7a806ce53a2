import type { Config } from './config.js';
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
import { RealisationService } from './modules/reports/realisation.service.js';
import { ReportsService } from './modules/reports/reports.service.js';
import { AlertService } from './modules/alerts/alert.service.js';
import { ComplaintService } from './modules/alerts/complaint.service.js';
import { Clock } from './modules/lifecycle/clock.js';
import { VerificationService } from './modules/verification/verification.service.js';

export function createServices(config: Config, now?: () => Date) {
  const clock = new Clock(config.reportTimeZone, config.reportedWindowDays, now);
  const alerts = new AlertService();
  const movements = new MovementService(clock, alerts);
  const audit = new AuditLog();
  const credentials = new Credentials(new LoginThrottle(() => clock.now().getTime()), audit);
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
    aggregation: new AggregationService(movements),
    csv: new CsvService(movements),
    trace: new TraceService(),
    recalls: new RecallService(clock),
    realisation: new RealisationService(),
    reports: new ReportsService(clock),
    verification: new VerificationService(clock, alerts),
    alerts,
    complaints: new ComplaintService(),
  };
}

export type Services = ReturnType<typeof createServices>;
