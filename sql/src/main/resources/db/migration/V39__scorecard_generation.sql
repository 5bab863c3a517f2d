-- The scorecards' "data changed" generation. A cached card used to be keyed by the last ledger
-- event's id, max(request_events.id); but ids are handed out when a row is inserted and become
-- visible when its transaction commits, so a transaction that took id 100 and committed after
-- another's 101 left the maximum at 101 and its change unseen until the next event or day. Its
-- metrics rows, written by a refresh without a new event (the watcher's, a methodology backfill),
-- and the word counts of published records moved no id at all.
--
-- This counter moves at commit, once per transaction that changed anything a card reads:
-- request_metrics (every figure), the requests columns cards filter on or print (topic, channel,
-- imported history, title, whether the public may see it) and the published records' word counts
-- (near-total redactions). A card reads the generation before its figures, so an entry is never
-- older than the generation it is stored under (ScorecardRepository.version).
--
-- Deferred to commit, as V31's, so the counter's row lock is held only while committing and a
-- transaction's later writes cannot wait on it (the lock order is below); and bumped once per transaction however many rows
-- it wrote (an import of 100,000 requests queues 100,000 calls, all but the first one comparison).
create table scorecard_generation (
    id         boolean primary key default true check (id),
    generation bigint  not null default 0
);
insert into scorecard_generation default values;

-- Lock order. A transaction that changes both requests and metrics locks V31's agency rows and
-- this row at commit, in whichever order its deferred events were queued; two such transactions
-- queued in opposite orders (one wrote a request first, the other its metrics) could each hold
-- what the other waits for. So this row is always locked last: before taking it, the bump takes
-- the agency rows V31 would (its body, moved here into a function both triggers call), and V31's
-- own trigger then finds them done. Every transaction thus locks agencies in agency order, then
-- this row (ScorecardGenerationTest#two_commits_that_queued_requests_and_metrics_in_opposite_orders_do_not_deadlock).
create function request_generations_bump_noted() returns void
    language plpgsql as
$$
declare
    noted  text := coalesce(current_setting('daylight.changed_agencies', true), '');
    bumped text := coalesce(current_setting('daylight.bumped_agencies', true), '');
    agency bigint;
begin
    if noted = coalesce(current_setting('daylight.bumped_for', true), '') then
        return;
    end if;
    for agency in
        select distinct a::bigint from unnest(string_to_array(noted, ',')) a
        where a <> '' and position(',' || a || ',' in bumped) = 0
        order by 1
    loop
        insert into request_generations as g (agency_id, generation) values (agency, 1)
            on conflict (agency_id) do update set generation = g.generation + 1;
        bumped := bumped || ',' || agency || ',';
    end loop;
    perform set_config('daylight.bumped_agencies', bumped, true);
    perform set_config('daylight.bumped_for', noted, true);
end
$$;

create or replace function request_generations_bump() returns trigger
    language plpgsql as
$$
begin
    perform request_generations_bump_noted();
    return null;
end
$$;

create function scorecard_generation_bump() returns trigger
    language plpgsql as
$$
begin
    if coalesce(current_setting('daylight.scorecard_bumped', true), '') = 'yes' then
        return null;
    end if;
    perform request_generations_bump_noted();
    update scorecard_generation set generation = generation + 1 where id;
    perform set_config('daylight.scorecard_bumped', 'yes', true);
    return null;
end
$$;

create constraint trigger request_metrics_scorecard_insert_delete
    after insert or delete on request_metrics
    deferrable initially deferred
    for each row execute function scorecard_generation_bump();

-- The watcher rewrites rows whose figures did not change; those move nothing.
create constraint trigger request_metrics_scorecard_update
    after update on request_metrics
    deferrable initially deferred
    for each row
    when (old.* is distinct from new.*)
    execute function scorecard_generation_bump();

create constraint trigger requests_scorecard_update
    after update on requests
    deferrable initially deferred
    for each row
    when ((old.topic, old.channel, old.imported_source, old.title, old.hidden_at, old.embargo_until)
          is distinct from
          (new.topic, new.channel, new.imported_source, new.title, new.hidden_at, new.embargo_until))
    execute function scorecard_generation_bump();

-- Only published records count (a file still in review moves no figure).
create constraint trigger documents_scorecard_insert
    after insert on documents
    deferrable initially deferred
    for each row
    when (new.status = 'PUBLISHED')
    execute function scorecard_generation_bump();

create constraint trigger documents_scorecard_delete
    after delete on documents
    deferrable initially deferred
    for each row
    when (old.status = 'PUBLISHED')
    execute function scorecard_generation_bump();

create constraint trigger documents_scorecard_update
    after update on documents
    deferrable initially deferred
    for each row
    when ((old.status, old.request_id, old.words_total, old.words_redacted)
          is distinct from
          (new.status, new.request_id, new.words_total, new.words_redacted))
    execute function scorecard_generation_bump();

-- Emptying a table (a restore) changes every card at once; TRUNCATE fires no row triggers.
create function scorecard_generation_bump_now() returns trigger
    language plpgsql as
$$
begin
    update scorecard_generation set generation = generation + 1 where id;
    return null;
end
$$;

create trigger request_metrics_scorecard_truncate
    after truncate on request_metrics
    for each statement execute function scorecard_generation_bump_now();

create trigger documents_scorecard_truncate
    after truncate on documents
    for each statement execute function scorecard_generation_bump_now();
