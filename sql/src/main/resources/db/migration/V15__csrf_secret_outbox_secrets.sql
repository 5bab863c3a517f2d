-- Server-wide secrets, created by the first node that needs one and then shared by every node
-- and kept across restarts: the key that CSRF tokens are an HMAC with (the token of a visit is
-- HMAC(key, its session id), so a token a visitor or an attacker chose never passes).
-- Not included in backups: a restored portal makes a new key, which only expires open forms.
create table server_secrets (
    name       text        primary key,
    secret     bytea       not null check (length(secret) >= 32),
    created_at timestamptz not null default now()
);

-- The one-time secret in an account message (confirmation, reset and invitation tokens), kept
-- apart from the body: the body holds a placeholder, the worker puts the secret in only while
-- sending, and clears this column once the message is delivered. Backups never copy it.
alter table outbox
    add column secret text;
