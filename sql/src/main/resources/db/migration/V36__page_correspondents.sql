-- Who wrote to ICE (issue 25, docs/records.md "Correspondents"): the parties of every e-mail header
-- block found in the *published* text of a page (From/To/Cc of Outlook, Lotus Notes, Gmail
-- printouts, and an e-mail's own published headers), so the public index can count by office and
-- month and link to each page. Derived data, like the search index: rebuilt from the publication
-- log, rows of a withdrawn record are deleted with its withdrawal's log entry.
create table page_correspondents (
    id          bigint generated always as identity primary key,
    document_id bigint  not null,
    page_no     integer not null,
    -- Which header block on the page (1 = the first "From:"): a forwarded chain has several.
    message_no  integer not null check (message_no >= 1),
    role        text    not null check (role in ('FROM', 'TO', 'CC')),
    domain      text    not null check (length(domain) between 3 and 255),
    -- FEDERAL (ice.dhs.gov, dhs.gov …) or CITY (nyc.gov agencies, nypd.org). Other domains are not
    -- kept: a private domain can name a person (a requester's own), and the index is about government.
    side        text    not null check (side in ('FEDERAL', 'CITY')),
    -- The office the domain (and the page's signature) names: "ICE ERO New York Field Office", "DOC".
    office      text    not null check (length(office) between 1 and 120),
    -- The mailbox as published; null when the review redacted its local part (only the domain
    -- survives) or the block named no address. Never a display name: names are not kept at all.
    address     text    check (length(address) between 3 and 320),
    -- The first day of the month the message was sent, when the block says.
    sent_month  date    check (extract(day from sent_month) = 1),
    foreign key (document_id, page_no) references document_pages (document_id, page_no)
);
create index page_correspondents_office_idx on page_correspondents (side, office);
create index page_correspondents_page_idx on page_correspondents (document_id, page_no);

-- How far the correspondents follow the publication log (V8): the last seq applied. One row,
-- locked by the pass that moves it, so two nodes never apply the same entries at once.
create table correspondents_position (
    id          boolean primary key default true check (id),
    applied_seq bigint  not null default 0 check (applied_seq >= 0)
);
-- 0: the first pass after this migration replays the whole log, which is the backfill of every
-- record published before it.
insert into correspondents_position default values;
