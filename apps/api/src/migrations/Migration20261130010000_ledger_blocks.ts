import { Migration } from '@mikro-orm/migrations';

/**
 * A published day keeps the roots of its tree's blocks of 4,096 entries (32 bytes each: 55 KB for
 * a day of 7 million events), so that a proof reads its event's block of entries instead of the
 * whole day. Days published before keep none, and their proofs read the day.
 */
export class Migration20261130010000_ledger_blocks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table ledger_day add column blocks bytea;`);
  }
}
