-- Released records: what Daylight extracted from each released file, the personal data it found,
-- the officer's review, and the publication log the search index follows.

-- One readable document: a released file, an e-mail, an e-mail's attachment or a ZIP entry.
-- Nothing here is public until status = 'PUBLISHED'; the original bytes never are (the public
-- gets the redacted rebuild in published_sha256).
create table documents (
    id               bigint generated always as identity primary key,
    -- The file as the agency sent it; null for documents found inside another file.
    attachment_id    bigint      references attachments (id),
    parent_id        bigint      references documents (id),
    request_id       bigint      references requests (id),
    agency_id        bigint      not null references agencies (id),
    title            text        not null check (length(title) between 1 and 300),
    original_name    text        not null check (length(original_name) between 1 and 255),
    sha256           text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    -- Sniffed from the bytes, never trusted from the name.
    content_type     text        not null,
    kind             text        not null,
    size_bytes       bigint      not null check (size_bytes >= 0),
    source           text        not null check (source in ('AGENCY_RELEASE', 'EMAIL', 'IMPORT')),
    -- Where an imported record came from ("released in Doe v. City, 2025").
    source_note      text,
    -- A withdrawn record goes back to NEEDS_REVIEW (the audit log keeps the withdrawal).
    status           text        not null check (status in ('FAILED', 'NEEDS_REVIEW', 'PUBLISHED')),
    failure_reason   text,
    needs_ocr        boolean     not null default false,
    -- E-mail headers (from, to, cc, date, subject) as extracted.
    fields           jsonb       not null default '{}',
    record_date      date        not null,
    uploaded_by      bigint      references users (id),
    -- Bumped by every review decision: publishing checks it did not change while the file was rebuilt.
    review_version   integer     not null default 0,
    -- The title and the e-mail headers as published, with redacted strings removed: file names and
    -- headers can hold the very data the review redacts.
    published_title  text,
    published_fields jsonb,
    published_sha256 text        check (published_sha256 ~ '^[0-9a-f]{64}$'),
    published_at     timestamptz,
    published_by     bigint      references users (id),
    created_at       timestamptz not null default now()
);
create index documents_request_idx on documents (request_id);
create index documents_attachment_idx on documents (attachment_id);

-- Text per page as extracted (private), and as published after redaction (public, indexed).
create table document_pages (
    document_id    bigint  not null references documents (id),
    page_no        integer not null check (page_no >= 1),
    text           text    not null,
    ocr            boolean not null default false,
    needs_ocr      boolean not null default false,
    published_text text,
    primary key (document_id, page_no)
);

-- Likely personal data found by the scanner, and text the officer chose to redact by hand.
-- Never public. A document cannot be published while any finding has no decision.
create table pii_findings (
    id           bigint generated always as identity primary key,
    document_id  bigint       not null references documents (id),
    page_no      integer      not null,
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
create index pii_findings_document_idx on pii_findings (document_id, page_no);

-- The log the Lucene index follows: it stores the last seq it applied in its own commit, so after
-- a crash it replays from there and ends up exactly matching this table.
create table publications (
    seq         bigint generated always as identity primary key,
    document_id bigint      not null references documents (id),
    action      text        not null check (action in ('PUBLISH', 'WITHDRAW')),
    created_at  timestamptz not null default now()
);

-- Writers lock this one row before appending to the log, so sequence numbers become visible in
-- the order they were taken: a reader that has seen seq N has seen every entry before N.
create table publication_log_lock (
    id boolean primary key default true check (id)
);
insert into publication_log_lock default values;
