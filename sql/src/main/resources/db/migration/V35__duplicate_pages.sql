-- The same document released by two agencies (docs/records.md, "The same document, released by
-- two agencies"). Derived data, like the Lucene index: written only by the duplicate linker, which
-- follows the publication log, from the *published* (redacted) text of published records. A
-- record's rows go when it is withdrawn, and all of it can be rebuilt from the log.

-- One row per published page: its word shingles and MinHash signature.
create table page_signatures (
    document_id bigint   not null references documents (id),
    page_no     integer  not null check (page_no >= 1),
    agency_id   bigint   not null references agencies (id),
    -- Every distinct shingle of the published text: the exact Jaccard confirms a candidate, and a
    -- withdrawal gives these back to shingle_documents.
    shingles    bigint[] not null,
    -- MinHash of the content shingles (boilerplate left out) when the page was linked; its LSH
    -- band keys are in page_bands. Empty for a page too short to be matched.
    minhash     bigint[] not null,
    primary key (document_id, page_no)
);

-- LSH band keys: two pages sharing a key are candidates, found by the primary key's index.
create table page_bands (
    band_key    bigint  not null,
    document_id bigint  not null,
    page_no     integer not null,
    primary key (band_key, document_id, page_no),
    foreign key (document_id, page_no) references page_signatures (document_id, page_no) on delete cascade
);
create index page_bands_page_idx on page_bands (document_id, page_no);

-- In how many published documents each shingle occurs: in more than PageMatcher's limit it is
-- boilerplate (a confidentiality footer, a letterhead). Counted per document, not per page.
create table shingle_documents (
    shingle   bigint  primary key,
    documents integer not null check (documents >= 0)
);

-- A page of one record found to be the same page in another agency's record, stored in both
-- directions so each record page reads its own links by the primary key.
create table page_links (
    document_id       bigint        not null,
    page_no           integer       not null,
    other_document_id bigint        not null,
    other_page_no     integer       not null,
    -- Exact Jaccard similarity of the two pages' content shingles.
    similarity        numeric(4, 3) not null check (similarity between 0 and 1),
    linked_at         timestamptz   not null default now(),
    primary key (document_id, page_no, other_document_id, other_page_no),
    check (document_id <> other_document_id),
    foreign key (document_id, page_no) references page_signatures (document_id, page_no) on delete cascade,
    foreign key (other_document_id, other_page_no) references page_signatures (document_id, page_no) on delete cascade
);
create index page_links_other_idx on page_links (other_document_id, other_page_no);

-- The publication-log entry up to which the linker has applied the log (one row). It moves in the
-- transaction that writes the entry's rows, under this row's lock, so an entry is applied once.
create table duplicate_linker_position (
    id  boolean primary key default true check (id),
    seq bigint  not null default 0
);
insert into duplicate_linker_position default values;

-- Adds delta (+1 on publication, -1 on withdrawal) to each distinct shingle's document count and
-- returns the counts as they now stand, in one statement (a record's linking needs them at once).
-- A shingle whose count falls to 0 keeps its row until forget_unused_shingles. A function, so Java
-- calls it through jOOQ's generated routine.
create function add_shingle_documents(shingles bigint[], delta integer)
    returns table (shingle bigint, documents integer)
    language sql VOLATILE STRICT
as $$
    insert into shingle_documents as d (shingle, documents)
    select distinct s, greatest(delta, 0) from unnest(shingles) s
    on conflict (shingle) do update set documents = d.documents + delta
    returning d.shingle, d.documents;
$$;
