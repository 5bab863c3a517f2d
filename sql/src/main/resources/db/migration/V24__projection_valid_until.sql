-- Reads that scale (issue 22): every list trusts the stored projection (status, next_due,
-- requester_due, live_miss_*) instead of evaluating ledgers per row. The deadline engine depends on
-- the ledger and the New York date only, so the projection written with each event stays right
-- until the first day on which today's answer would differ: that instant is stored here, and the
-- deadline watcher recomputes every row whose instant has passed. Null: not known (rows written
-- before this migration), which the watcher treats as passed.
alter table requests
    add column projection_valid_until timestamptz;

-- The watcher's "what has time moved" question.
create index requests_projection_valid_idx on requests (projection_valid_until) where submitted_at is not null;
-- The officer queue: an agency's requests by the date it owes next, none last (keyset order; the
-- expression is QueueRepository.DUE_KEY's).
create index requests_queue_idx on requests (agency_id, (coalesce(next_due, date '9999-12-31')), submitted_at, id);
-- The public list and feeds: newest filing first (keyset order), overall and per agency.
create index requests_listed_idx on requests (submitted_at desc, id desc) where submitted_at is not null;
create index requests_agency_listed_idx on requests (agency_id, submitted_at desc, id desc) where submitted_at is not null;
-- The overdue list: most overdue first (keyset order), with what its filters and counts read, so
-- counting needs no visit to the table once it is vacuumed.
create index requests_overdue_idx on requests (live_miss_due, number)
    include (agency_id, hidden_at, embargo_until, imported_source, topic) where live_miss_due is not null;
-- Open-request counts (the agency pages, the queue's counts) from the index alone once vacuumed.
create index requests_agency_open_idx on requests (agency_id, status) include (submitted_at, hidden_at, embargo_until, assigned_to);
