-- Every records search leaves out the records of requests the public may not see right now
-- (hidden by an administrator, or under their requester's embargo), and reads that set from
-- here at search time. Such requests are few and an embargo's date is cleared once it ends, so
-- this index stays small however many requests there are.
create index requests_withheld_idx on requests (number)
    where hidden_at is not null or embargo_until is not null;
