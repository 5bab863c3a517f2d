-- Delay patterns (issue #23): the dates an agency promised, per request, as business days from
-- receipt to each approximate date (acknowledgment) or extended date (extension), in ledger order.
-- Null: the row was computed before this column existed; the deadline watcher recomputes such rows
-- on its next pass (as it does rows that were never computed), so no SQL backfill is needed here
-- (business days need the agency's calendar, which is not in SQL).
alter table request_metrics
    add column promised_business_days integer[];
