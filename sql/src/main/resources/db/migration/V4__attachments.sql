-- Files attached to a request: correspondence the requester reports, records an agency releases,
-- attachments received by e-mail. The bytes live in the content-addressed blob store; this row is
-- what Daylight knows about them. Nothing here is public until published after review.
create table attachments (
    id            bigint generated always as identity primary key,
    request_id    bigint      not null references requests (id),
    -- The ledger entry the file came with.
    event_seq     integer     not null,
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    original_name text        not null check (length(original_name) between 1 and 255),
    -- Detected from the bytes, never taken from the name or the browser.
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes >= 0),
    uploaded_by   bigint      references users (id),
    source        text        not null check (source in ('REQUESTER_REPORTED', 'AGENCY_RELEASE', 'EMAIL')),
    published_at  timestamptz,
    created_at    timestamptz not null default now()
);
create index attachments_request_idx on attachments (request_id);
