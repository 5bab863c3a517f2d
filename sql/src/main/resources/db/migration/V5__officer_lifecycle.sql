-- The officer workspace and the rest of the lifecycle: assignment, internal notes, exactly-once
-- deadline notices and reminders, and an append-only audit log.

alter table requests
    add column assigned_to bigint references users (id);
create index requests_assigned_idx on requests (assigned_to);

-- Officers' working notes on a request. Never shown to the public or the requester.
create table internal_notes (
    id         bigint generated always as identity primary key,
    request_id bigint      not null references requests (id),
    author_id  bigint      not null references users (id),
    body       text        not null check (length(body) between 1 and 10000),
    created_at timestamptz not null default now()
);
create index internal_notes_request_idx on internal_notes (request_id, created_at);

-- One row per notice the deadline watcher sends (a reminder before a due date, the news that a
-- date was missed). The primary key makes each notice happen once, whatever restarts or however
-- many nodes run the watcher.
create table deadline_notices (
    request_id bigint      not null references requests (id),
    kind       text        not null,
    due        date        not null,
    notice     text        not null check (notice in ('DUE_IN_2', 'DUE_TODAY', 'MISSED')),
    sent_at    timestamptz not null default now(),
    primary key (request_id, kind, due, notice)
);

-- Where an action came from, for the audit log.
alter table audit_log
    add column ip text;

-- The audit log is append-only: nothing in the application may rewrite history.
create function audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only (% refused)', tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_append_only();
