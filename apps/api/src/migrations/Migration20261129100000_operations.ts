import { Migration } from '@mikro-orm/migrations';

/**
 * Each CSV file applied, once: the key is the caller's Idempotency-Key or the SHA-256 of the file
 * (with the acting facility), written in the transaction that applies the file, with its result.
 * The same file sent again (a retry after a timeout, a crash, a double click) answers that result
 * and changes nothing; a second sender of it waits for the first to commit or roll back. A file
 * that changed nothing (every row refused) is not kept: sent again, it is applied afresh.
 */
export class Migration20261129100000_operations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table csv_import (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organization (id),
        kind text not null check (kind in ('activation', 'movements')),
        key text not null,
        file_sha256 text not null,
        user_id uuid references app_user (id),
        result jsonb,
        applied_at timestamptz not null default now(),
        unique (organization_id, kind, key)
      );`);
    // Taking a backup (every account's password hash in it) is an audited act, on the database.
    this.addSql(`
      alter table audit_event
        drop constraint audit_event_action_check,
        add constraint audit_event_action_check check (action in ('USER_CREATED','USER_DISABLED','USER_ENABLED','PASSWORD_RESET',
          'PASSWORD_CHANGED','SESSIONS_ENDED','API_KEY_CREATED','API_KEY_REVOKED','LOGIN_THROTTLED','BACKUP_TAKEN')),
        drop constraint audit_event_target_type_check,
        add constraint audit_event_target_type_check check (target_type in ('USER','API_KEY','ACCOUNT','ADDRESS','NETWORK','DATABASE'));`);
  }
}
