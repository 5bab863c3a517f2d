-- Personal API tokens: a person's scripts act as that person on /api/v1. Like sessions, only a
-- SHA-256 of the secret is stored, so a database leak hands out no working token; the prefix (the
-- first characters of the secret) is kept in the clear so people can tell their tokens apart.
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    scope        text        not null check (scope in ('READ', 'WRITE')),
    prefix       text        not null,
    secret_hash  text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    -- Revoked tokens are kept (not deleted) so the list of what existed stays explainable.
    revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id) where revoked_at is null;
