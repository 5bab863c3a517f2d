-- An embargo that has ended stays ended. The moment it ended (its date came, or the requester
-- lifted it) is kept on the request, and the database refuses a new embargo date on a request
-- that has one, whichever code path tries.
alter table requests
    add column embargo_ended_at timestamptz;

-- Embargoes ended before this column existed: the ledger recorded each one.
update requests r
   set embargo_ended_at = e.ended
  from (select request_id, min(occurred_at) as ended
          from request_events
         where type = 'EMBARGO_LIFTED'
         group by request_id) e
 where e.request_id = r.id;

-- A request whose embargo ended and which somehow carries a date again is listed: the date goes.
update requests set embargo_until = null where embargo_ended_at is not null and embargo_until is not null;

alter table requests
    add constraint requests_embargo_once check (embargo_ended_at is null or embargo_until is null);
