-- Saved searches and their e-mail alerts (docs/records.md, "Saved searches and alerts").
-- A signed-in person saves a /records search or a /requests list filter; each new match is
-- e-mailed once, instantly (at the watcher's next pass), in a daily or in a weekly batch.
create table saved_searches (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references users (id) on delete cascade,
    kind        text        not null check (kind in ('RECORDS', 'REQUESTS')),
    name        text        not null check (length(name) between 1 and 120),
    -- The search as a canonical query string ("q=detainer&agency=doc"), parameters in a fixed order.
    query       text        not null check (length(query) <= 2000),
    -- NONE: kept on the page, no e-mail (what the unsubscribe link sets).
    frequency   text        not null check (frequency in ('INSTANT', 'DAILY', 'WEEKLY', 'NONE')),
    -- Records: the publication-log entry up to which the search was already run. Writers take the
    -- log's lock before appending, so every entry at or below it is seen (V8); the search is only
    -- ever run up to what the Lucene index has applied, and this mark moves only that far.
    checked_seq bigint      not null default 0,
    -- Requests: only requests filed after this match (the list as it stood when saved is not news).
    since       timestamptz not null default now(),
    -- The New York day of the last daily or weekly batch (or of saving): when the next one is due.
    last_batch  date        not null,
    created_at  timestamptz not null default now()
);
create index saved_searches_user_idx on saved_searches (user_id);

-- What was e-mailed for which search: the primary key makes each match an e-mail once, across
-- passes, restarts and nodes. Written in the transaction that queues the e-mail.
create table saved_search_hits (
    saved_search_id bigint      not null references saved_searches (id) on delete cascade,
    -- A documents.id for a records search, a requests.id for a requests search.
    item_id         bigint      not null,
    outbox_id       bigint      not null references outbox (id),
    sent_at         timestamptz not null default now(),
    primary key (saved_search_id, item_id)
);
