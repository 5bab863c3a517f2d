-- Daylight's first schema: who files (users), with whom (agencies), what (requests) and the
-- append-only history of each request (request_events). Status and due dates are projections of
-- the events; the events are the source of truth.

create table agencies (
    id         bigint generated always as identity primary key,
    slug       text        not null unique check (slug ~ '^[a-z][a-z0-9-]{0,39}$'),
    name       text        not null check (length(name) between 1 and 200),
    -- NY_FOIL: Public Officers Law §§87, 89; FEDERAL_FOIA: 5 U.S.C. §552.
    regime     text        not null check (regime in ('NY_FOIL', 'FEDERAL_FOIA')),
    -- Which public holidays make a non-business day: GCL §24 or 5 U.S.C. §6103.
    calendar   text        not null check (calendar in ('NEW_YORK', 'FEDERAL')),
    created_at timestamptz not null default now()
);

create table users (
    id                bigint generated always as identity primary key,
    email             text        not null check (length(email) between 3 and 254),
    display_name      text        check (length(display_name) <= 200),
    password_hash     text,
    role              text        not null default 'REQUESTER' check (role in ('REQUESTER', 'OFFICER', 'ADMIN')),
    email_verified_at timestamptz,
    created_at        timestamptz not null default now()
);
-- Emails are compared case-insensitively: one account per mailbox.
create unique index users_email_key on users (lower(email));

create table requests (
    id           bigint generated always as identity primary key,
    -- Human-readable, e.g. DL-2026-000123.
    number       text        not null unique check (number ~ '^DL-[0-9]{4}-[0-9]{6}$'),
    agency_id    bigint      not null references agencies (id),
    requester_id bigint      not null references users (id),
    title        text        not null check (length(title) between 1 and 300),
    description  text        not null check (length(description) between 1 and 20000),
    -- Projection of the ledger, rewritten in the same transaction as every event append.
    status       text        not null default 'DRAFT',
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index requests_agency_status_idx on requests (agency_id, status);
create index requests_requester_idx on requests (requester_id);

create table request_events (
    id          bigint generated always as identity primary key,
    request_id  bigint      not null references requests (id),
    -- Position in this request's ledger, 1, 2, 3 …; unique so two concurrent appends cannot both win.
    seq         integer     not null check (seq > 0),
    type        text        not null,
    -- When it happened in law (e.g. a letter's date); recorded_at is when Daylight learned of it.
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    actor_id    bigint      references users (id),
    -- A date the event sets: an approximate date, a date certain, an extended date.
    due_date    date,
    reason      text,
    body        text,
    data        jsonb       not null default '{}'::jsonb,
    unique (request_id, seq)
);

-- The ledger is append-only: corrections are new events, never edits.
create function request_events_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'request_events is append-only (% refused)', tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger request_events_no_update_or_delete
    before update or delete on request_events
    for each row execute function request_events_append_only();
