-- Background jobs run on one node at a time (docs/operations.md, "Several nodes"): each pass of the
-- deadline watcher, the IMAP poller … first takes a transaction-scoped advisory lock named for its
-- job, on a connection it keeps for the pass. Another node asking meanwhile gets false and skips
-- its pass; the lock goes with the transaction (commit, rollback or a dead connection), so a
-- crashed node never holds it. A function, so Java calls it through jOOQ's generated routine.
CREATE FUNCTION try_job_lock(job text) RETURNS boolean
    LANGUAGE sql VOLATILE STRICT
AS $$
    SELECT pg_try_advisory_xact_lock(hashtextextended('daylight job: ' || job, 0))
$$;
