import { Migration20261128000000_foundation } from './Migration20261128000000_foundation.js';
import { Migration20261128010000_lifecycle } from './Migration20261128010000_lifecycle.js';
import { Migration20261128020000_verification } from './Migration20261128020000_verification.js';
import { Migration20261128030000_reports } from './Migration20261128030000_reports.js';
import { Migration20261129000000_one_clock } from './Migration20261129000000_one_clock.js';
import { Migration20261129010000_accounts } from './Migration20261129010000_accounts.js';
import { Migration20261129020000_evidence } from './Migration20261129020000_evidence.js';
import { Migration20261129030000_shipments } from './Migration20261129030000_shipments.js';
import { Migration20261129050000_ledger } from './Migration20261129050000_ledger.js';
import { Migration20261129055000_pack_updates } from './Migration20261129055000_pack_updates.js';
import { Migration20261129070000_epcis } from './Migration20261129070000_epcis.js';
import { Migration20261129080000_alert_inbox } from './Migration20261129080000_alert_inbox.js';
import { Migration20261129090000_inspections } from './Migration20261129090000_inspections.js';
import { Migration20261129100000_operations } from './Migration20261129100000_operations.js';
import { Migration20261129110000_partitioned_history } from './Migration20261129110000_partitioned_history.js';
import { Migration20261130000000_request_ranges } from './Migration20261130000000_request_ranges.js';
import { Migration20261130010000_ledger_blocks } from './Migration20261130010000_ledger_blocks.js';

/** Every migration in order; new ones are appended. */
export const migrations = [
  { name: 'Migration20261128000000_foundation', class: Migration20261128000000_foundation },
  { name: 'Migration20261128010000_lifecycle', class: Migration20261128010000_lifecycle },
  { name: 'Migration20261128020000_verification', class: Migration20261128020000_verification },
  { name: 'Migration20261128030000_reports', class: Migration20261128030000_reports },
  { name: 'Migration20261129000000_one_clock', class: Migration20261129000000_one_clock },
  { name: 'Migration20261129010000_accounts', class: Migration20261129010000_accounts },
  { name: 'Migration20261129020000_evidence', class: Migration20261129020000_evidence },
  { name: 'Migration20261129030000_shipments', class: Migration20261129030000_shipments },
  { name: 'Migration20261129050000_ledger', class: Migration20261129050000_ledger },
  { name: 'Migration20261129055000_pack_updates', class: Migration20261129055000_pack_updates },
  { name: 'Migration20261129070000_epcis', class: Migration20261129070000_epcis },
  { name: 'Migration20261129080000_alert_inbox', class: Migration20261129080000_alert_inbox },
  { name: 'Migration20261129090000_inspections', class: Migration20261129090000_inspections },
  { name: 'Migration20261129100000_operations', class: Migration20261129100000_operations },
  { name: 'Migration20261129110000_partitioned_history', class: Migration20261129110000_partitioned_history },
  { name: 'Migration20261130000000_request_ranges', class: Migration20261130000000_request_ranges },
  { name: 'Migration20261130010000_ledger_blocks', class: Migration20261130010000_ledger_blocks },
];
