-- The review as a workbench: an officer saves one page's decisions at a time and marks the page
-- reviewed, so the review page can say "12 of 40 pages reviewed" and pick up where they left off.
-- A finding added to a page later (the scan at publication) clears the mark.
alter table document_pages add column reviewed_by bigint references users (id);
alter table document_pages add column reviewed_at timestamptz;

-- What a published record had redacted, as an appeal cites it: per page and exemption, how many
-- boxes (or text markers) were drawn, and whether the page was withheld in full. Written in the
-- publication's transaction and deleted when the record is withdrawn. It never holds the redacted
-- text itself: only where, how many and under which paragraph.
create table redaction_log (
    document_id bigint  not null references documents (id),
    page_no     integer not null check (page_no >= 1),
    exemption   text    not null,
    boxes       integer not null check (boxes >= 0),
    withheld    boolean not null default false,
    primary key (document_id, page_no, exemption)
);
