-- Reads that scale (issue 22), the views that still grew with the table.
--
-- The officer queue filtered to one status (DUE_SOON, ON_TIME, ...): requests_queue_idx (V24) is
-- in the queue's order but not by status, so the first page of "due soon" walked past every
-- overdue request (they owe earlier dates and sort first): 300,000 index entries at 1M requests,
-- 0.85 s. With the status second, one status's rows are one range already in the queue's order
-- (the expression is QueueRepository.DUE_KEY's), and the page reads 51 entries.
create index requests_queue_status_idx on requests (agency_id, status, (coalesce(next_due, date '9999-12-31')), submitted_at, id)
    where submitted_at is not null;

-- The overdue page's per-agency counts, each capped at 1,000 (OverdueRepository.countsByAgency):
-- one agency's live misses older than its cutoff are one range, with what the filters read, so an
-- agency with few overdue requests is not counted by walking every other agency's.
create index requests_agency_overdue_idx on requests (agency_id, live_miss_due)
    include (hidden_at, embargo_until, imported_source, topic) where live_miss_due is not null;
