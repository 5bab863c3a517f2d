-- Accounts, sessions, e-mail tokens, rate limits, the mail outbox, and filing requests.

alter table users
    add column updated_at timestamptz not null default now();

-- Officers belong to one or more agencies; one of them may be that agency's appeals officer.
create table officer_agencies (
    user_id          bigint  not null references users (id),
    agency_id        bigint  not null references agencies (id),
    appeals_officer  boolean not null default false,
    primary key (user_id, agency_id)
);

-- Sessions live in PostgreSQL so any node can serve any request. Only a SHA-256 of the cookie
-- value is stored: a database leak does not hand out live sessions.
create table sessions (
    id_hash      text        primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- Single-use links sent by e-mail (verify an address, reset a password, accept an invitation).
create table email_tokens (
    token_hash text        primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    purpose    text        not null check (purpose in ('VERIFY', 'RESET', 'INVITE')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- One row per attempt at a limited action (sign-in, sign-up, reset) per key (an IP or an account),
-- so every node sees the same counts.
create table rate_limit_hits (
    id     bigint generated always as identity primary key,
    key    text        not null,
    hit_at timestamptz not null default now()
);
create index rate_limit_hits_key_idx on rate_limit_hits (key, hit_at);

-- Every e-mail Daylight sends goes through here first; a worker delivers it by SMTP when one is
-- configured. Nothing is lost if the SMTP server is down: the row waits and is retried.
create table outbox (
    id           bigint generated always as identity primary key,
    to_address   text        not null,
    reply_to     text,
    subject      text        not null,
    body_text    text        not null,
    -- What the message is about, for the admin view (e.g. 'request:DL-2026-000001').
    topic        text,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    next_attempt_at timestamptz not null default now()
);
create index outbox_pending_idx on outbox (next_attempt_at) where sent_at is null;

-- A requester's submission to one or several agencies; each agency gets its own request.
create table filings (
    id              bigint generated always as identity primary key,
    requester_id    bigint      not null references users (id),
    -- The composer's one-time key: a refresh, a back button or a double click submits once.
    idempotency_key text        not null unique,
    created_at      timestamptz not null default now()
);

create sequence request_number_seq;

alter table requests
    add column filing_id            bigint references filings (id),
    add column records_from         date,
    add column records_to           date,
    add column preferred_format     text not null default 'ELECTRONIC',
    add column fee_waiver_reason    text check (length(fee_waiver_reason) <= 5000),
    add column expedite_reason      text check (length(expedite_reason) <= 5000),
    add column show_requester_name  boolean not null default false,
    add column letter_text          text,
    add column template             text,
    add column submitted_at         timestamptz,
    -- Hidden by an admin for someone's safety; the reason stays in the audit log.
    add column hidden_at            timestamptz,
    add column hidden_reason        text,
    add column next_due             date,
    add constraint requests_dates_in_order check (records_from is null or records_to is null or records_from <= records_to);
create index requests_filing_idx on requests (filing_id);
create index requests_submitted_idx on requests (submitted_at desc);

-- Drafts the requester saved from the composer, private to them.
create table request_drafts (
    id           bigint generated always as identity primary key,
    requester_id bigint      not null references users (id),
    title        text        not null default '' check (length(title) <= 300),
    payload      jsonb       not null,
    updated_at   timestamptz not null default now()
);
create index request_drafts_requester_idx on request_drafts (requester_id);

-- Who did what that the public does not see: hiding a request, inviting an officer.
create table audit_log (
    id         bigint generated always as identity primary key,
    actor_id   bigint      references users (id),
    action     text        not null,
    subject    text        not null,
    detail     text,
    at         timestamptz not null default now()
);
