import { Migration } from '@mikro-orm/migrations';

const AUDIT_ACTIONS = `('USER_CREATED','USER_DISABLED','USER_ENABLED','PASSWORD_RESET','PASSWORD_CHANGED','SESSIONS_ENDED',
  'API_KEY_CREATED','API_KEY_REVOKED','LOGIN_THROTTLED')`;

/**
 * Accounts have a lifecycle: a user can be disabled and must change a temporary password after a
 * reset; a login remembers where it came from and when it was last used; an API key may expire;
 * and every change to them is written to an append-only audit log.
 */
export class Migration20261129010000_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table app_user
        add column disabled_at timestamptz,
        add column must_change_password boolean not null default false,
        add column temporary_password_expires_at timestamptz,
        add column password_changed_at timestamptz;`);
    this.addSql(`
      alter table session
        add column last_used_at timestamptz,
        add column ip text,
        add column user_agent text;`);
    this.addSql(`create index session_live_user_id_index on session (user_id) where revoked_at is null;`);
    this.addSql(`alter table api_key add column expires_at timestamptz;`);
    this.addSql(`
      create table audit_event (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        action text not null check (action in ${AUDIT_ACTIONS}),
        actor_id uuid references app_user (id),
        organization_id uuid references organization (id),
        target_type text not null check (target_type in ('USER','API_KEY','ACCOUNT','ADDRESS','NETWORK')),
        target_id text,
        target_label text,
        ip text,
        detail jsonb not null default '{}'
      );`);
    this.addSql(`create index audit_event_organization_id_index on audit_event (organization_id, id desc);`);
    // Append-only: what was written stays as it was.
    this.addSql(`
      create function audit_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % is not allowed', tg_op;
      end $$;`);
    this.addSql(`
      create trigger audit_event_append_only before update or delete or truncate on audit_event
        for each statement execute function audit_event_append_only();`);
  }
}
