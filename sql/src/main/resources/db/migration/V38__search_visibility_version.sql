-- Search under load (issue 22): which records the public may find changes only when a request is
-- hidden, shown, embargoed or released from its embargo, or a document is published, withdrawn or
-- deleted. Each such change bumps this one counter in the same transaction, so a search page can
-- read one row, compare it with the version its in-memory copy of the withheld requests and of the
-- checked hits was taken at, and skip the two visibility queries when nothing changed, on any node
-- (SearchVisibility). An embargo that ends by date needs no write: the date is part of the key.
create table search_visibility (
    id      boolean primary key default true check (id),
    version bigint  not null default 0
);
insert into search_visibility default values;

create function bump_search_visibility() returns trigger
    language plpgsql
as $$
begin
    update search_visibility set version = version + 1 where id;
    return null;
end
$$;

create trigger requests_visibility_changed
    after update of hidden_at, embargo_until on requests
    for each row
    when (old.hidden_at is distinct from new.hidden_at or old.embargo_until is distinct from new.embargo_until)
execute function bump_search_visibility();

create trigger requests_withheld_inserted
    after insert on requests
    for each row
    when (new.hidden_at is not null or new.embargo_until is not null)
execute function bump_search_visibility();

create trigger documents_published_changed
    after update of status on documents
    for each row
    when (old.status is distinct from new.status and (old.status = 'PUBLISHED' or new.status = 'PUBLISHED'))
execute function bump_search_visibility();

create trigger documents_published_inserted
    after insert on documents
    for each row
    when (new.status = 'PUBLISHED')
execute function bump_search_visibility();

create trigger documents_published_deleted
    after delete on documents
    for each row
    when (old.status = 'PUBLISHED')
execute function bump_search_visibility();
