-- Each agency's "requests changed" generation (issue 22), so a page can keep its capped counts
-- (the officer queue's four, the overdue page's per agency, the agency pages' open count) in a
-- small per-node cache keyed by it and read one indexed row per view instead of counting again.
-- A view reads the generation and then counts: an entry is never older than the generation it is
-- stored under, and any change a count could see moves the generation (RequestGenerations,
-- CountCache). It lives in the database, so every node sees another node's writes.
--
-- Triggers, not calls in Java: every statement that changes what a count reads moves it, whoever
-- writes it (ledger refreshes, the deadline watcher, officer and bulk actions, moderation,
-- embargoes, importers, tools, tests that insert rows), so no writer can be forgotten.
create table request_generations (
    agency_id  bigint primary key references agencies (id) on delete cascade,
    generation bigint not null default 0
);

-- The columns a count reads: who the request is for, whether it is filed, its projection
-- (status, dates owed, live miss), who holds it, whether the public may see it (hidden, embargo)
-- and the list filters (topic, imported history, the channel a tracked request was filed through). A rewrite of the projection's validity alone
-- (projection_valid_until, most of the watcher's refreshes) or of text changes no count.
--
-- Two triggers, so the generation's row lock is taken only at commit: bumping it mid-transaction
-- and then updating more requests would let two writers each hold what the other waits for (a
-- request row, the generation row). The first notes the agencies a transaction changed; the
-- second, deferred to commit, bumps each once, in agency order, after every request row the
-- transaction writes is already written.
create function request_generations_note() returns trigger
    language plpgsql as
$$
declare
    noted text := coalesce(current_setting('daylight.changed_agencies', true), '');
begin
    if tg_op <> 'INSERT' then
        if position(',' || old.agency_id || ',' in noted) = 0 then
            noted := noted || ',' || old.agency_id || ',';
        end if;
    end if;
    if tg_op <> 'DELETE' then
        if position(',' || new.agency_id || ',' in noted) = 0 then
            noted := noted || ',' || new.agency_id || ',';
        end if;
    end if;
    perform set_config('daylight.changed_agencies', noted, true);
    return null;
end
$$;

create function request_generations_bump() returns trigger
    language plpgsql as
$$
declare
    noted  text := coalesce(current_setting('daylight.changed_agencies', true), '');
    bumped text := coalesce(current_setting('daylight.bumped_agencies', true), '');
    agency bigint;
begin
    -- One deferred call per changed row, so after the first only this comparison (an import of
    -- 100,000 rows queues 100,000 calls).
    if noted = coalesce(current_setting('daylight.bumped_for', true), '') then
        return null;
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
    return null;
end
$$;

create trigger requests_note_insert_delete
    after insert or delete on requests
    for each row execute function request_generations_note();

create trigger requests_note_update
    after update on requests
    for each row
    when ((old.agency_id, old.submitted_at, old.status, old.next_due, old.requester_due, old.live_miss_due, old.live_miss_kind,
           old.assigned_to, old.hidden_at, old.embargo_until, old.topic, old.imported_source, old.channel)
          is distinct from
          (new.agency_id, new.submitted_at, new.status, new.next_due, new.requester_due, new.live_miss_due, new.live_miss_kind,
           new.assigned_to, new.hidden_at, new.embargo_until, new.topic, new.imported_source, new.channel))
    execute function request_generations_note();

create constraint trigger requests_bump_insert_delete
    after insert or delete on requests
    deferrable initially deferred
    for each row execute function request_generations_bump();

create constraint trigger requests_bump_update
    after update on requests
    deferrable initially deferred
    for each row
    when ((old.agency_id, old.submitted_at, old.status, old.next_due, old.requester_due, old.live_miss_due, old.live_miss_kind,
           old.assigned_to, old.hidden_at, old.embargo_until, old.topic, old.imported_source, old.channel)
          is distinct from
          (new.agency_id, new.submitted_at, new.status, new.next_due, new.requester_due, new.live_miss_due, new.live_miss_kind,
           new.assigned_to, new.hidden_at, new.embargo_until, new.topic, new.imported_source, new.channel))
    execute function request_generations_bump();

-- Emptying the table (a restore) changes every agency's counts at once.
create function request_generations_bump_all() returns trigger
    language plpgsql as
$$
begin
    insert into request_generations as g (agency_id, generation) select id, 1 from agencies
        on conflict (agency_id) do update set generation = g.generation + 1;
    return null;
end
$$;

create trigger requests_bump_truncate
    after truncate on requests
    for each statement execute function request_generations_bump_all();
