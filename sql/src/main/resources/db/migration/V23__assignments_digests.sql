-- The officer queue as a workbench (issue 22, its write side): when each request was last given
-- to an officer, whether a person wants the daily digest, and the once-a-day record of digests.

-- Set only when the assignee changes (re-saving the same assignee is no new assignment): the
-- digest's "newly assigned to you" reads it, and the assignment e-mail goes out in the same
-- transaction that sets it.
alter table requests
    add column assigned_at timestamptz;

-- The daily digest is on by default for the people it is for (officers; requesters with many open
-- requests); anyone can turn it off on their account's e-mail page.
alter table users
    add column daily_digest boolean not null default true;

-- One row per person per New York day: the primary key makes each day's digest happen once, across
-- restarts and however many nodes run the watcher (as deadline_notices does for deadline notices).
-- The row is written in the same transaction as the outbox message; outbox_id is null when there
-- was nothing to tell that day (the day is still settled, so no later pass looks again).
-- events_seen: the highest request_events id when the digest was made. A requester's "something
-- new" is an entry above the previous digest's mark: an e-mailed reply dated (occurred_at) before
-- the last digest but received after it is still new, which no comparison of dates would say.
create table daily_digests (
    user_id     bigint      not null references users (id),
    day         date        not null,
    sent_at     timestamptz not null,
    events_seen bigint      not null,
    outbox_id   bigint      references outbox (id),
    primary key (user_id, day)
);
