-- What a request owes, as the deadline engine's one answer (deadlines/Owed.java) has it, so every
-- list reads the same dates as the request page. requests.next_due is from now on only the date
-- the agency (or its appeals officer) owes: the officer queue sorts by it.

alter table requests
    -- The requester's own open date (appeal window, Article 78): shown as theirs, never the agency's.
    add column requester_due date,
    -- The live miss: the agency date missed and still unanswered; the overdue list counts from it.
    add column live_miss_due  date,
    add column live_miss_kind text check (live_miss_kind in ('RESPONSE', 'DETERMINATION', 'APPEAL_DECISION'));

create index requests_live_miss_idx on requests (live_miss_due) where live_miss_due is not null;
