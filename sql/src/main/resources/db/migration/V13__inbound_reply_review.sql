-- An agency's e-mailed reply is a record like any other: its subject and text (the requester's
-- identity already masked, the quoted letter cut) go through the personal-data scan. A reply the
-- scan finds nothing in is public at once, in its EMAIL_RECEIVED ledger entry. Any other keeps an
-- empty entry on the public timeline; the text waits here, seen only by the requester, the
-- agency's officers and administrators, until an officer or administrator decides every finding.
-- Then the reviewed text, redactions marked as in released records, is published once and never
-- changes: the ledger entry stays as it was appended.

alter table inbound_messages
    -- NONE: matched before this review existed (its text is in the ledger entry); CLEAN: nothing
    -- found, published at once; PENDING: waiting for a decision on each finding; REVIEWED: published.
    add column review           text        check (review in ('NONE', 'CLEAN', 'PENDING', 'REVIEWED')),
    -- What the public timeline would show, before review: private.
    add column shown_subject    text,
    add column shown_text       text,
    -- After review, with the redactions marked.
    add column published_subject text,
    add column published_text   text,
    add column reviewed_by      bigint      references users (id),
    add column reviewed_at      timestamptz,
    add check (review is distinct from 'REVIEWED' or (published_text is not null and reviewed_at is not null));

update inbound_messages set review = 'NONE' where event_seq is not null;

-- The scanner's findings in a reply, and text redacted by hand; never public.
create table inbound_findings (
    id           bigint generated always as identity primary key,
    message_id   bigint       not null references inbound_messages (id),
    part         text         not null check (part in ('SUBJECT', 'TEXT')),
    kind         text         not null,
    text         text         not null check (length(text) between 1 and 1000),
    start_offset integer      not null check (start_offset >= 0),
    end_offset   integer      not null check (end_offset > start_offset),
    confidence   numeric(3, 2) not null check (confidence > 0 and confidence <= 1),
    manual       boolean      not null default false,
    decision     text         check (decision in ('REDACT', 'KEEP', 'NOT_PERSONAL')),
    -- The Public Officers Law §87(2) (or 5 U.S.C. §552(b)) ground a redaction cites.
    exemption    text,
    decided_by   bigint       references users (id),
    decided_at   timestamptz,
    check (decision is distinct from 'REDACT' or exemption is not null)
);
create index inbound_findings_message_idx on inbound_findings (message_id);

-- Published once: the public text of a reply is history like the ledger entry it completes.
create function inbound_published_text_final() returns trigger
    language plpgsql as
$$
begin
    if old.published_text is not null and (new.published_text is distinct from old.published_text
            or new.published_subject is distinct from old.published_subject) then
        raise exception 'a reviewed reply''s public text is final (message %)', old.id
            using errcode = 'restrict_violation';
    end if;
    return new;
end
$$;

create trigger inbound_published_text_is_final
    before update on inbound_messages
    for each row execute function inbound_published_text_final();

-- Decisions are final once the reviewed text is published.
create function inbound_findings_final() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from inbound_messages m where m.id = old.message_id and m.review = 'REVIEWED') then
        raise exception 'the findings of a reviewed reply are final (message %)', old.message_id
            using errcode = 'restrict_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger inbound_findings_are_final
    before update or delete on inbound_findings
    for each row execute function inbound_findings_final();
