-- Overdue in plain sight, automatic follow-ups, and embargoes.

-- The missed due date of a request still open after missing one, for the overdue list.
alter table request_metrics
    add column missed_due date;
create index request_metrics_missed_idx on request_metrics (missed_due) where missed_due is not null;

alter table requests
    -- The requester asked Daylight to write to the agency the business day after any missed deadline.
    add column auto_follow_up boolean not null default false,
    -- Unlisted until this date: only the requester and the agency see the request.
    add column embargo_until  date;

alter table deadline_notices drop constraint deadline_notices_notice_check;
alter table deadline_notices add constraint deadline_notices_notice_check
    check (notice in ('DUE_IN_2', 'DUE_TODAY', 'MISSED', 'FOLLOW_UP'));
