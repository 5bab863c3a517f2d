-- Files brought in by `daylight records import`, so that importing the same directory again adds
-- nothing: a file is the same when its bytes (SHA-256) and where it came from (agency and the
-- importer's source note) are. Written in the transaction that writes the file's documents, so a
-- file whose import failed is not recorded and is read again next time. A ZIP archive is not a
-- document of its own (its entries are), which is why the file is recorded here and not looked up
-- among the documents.
create table imported_files (
    id          bigint generated always as identity primary key,
    sha256      text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    agency_id   bigint      not null references agencies (id),
    source_note text        not null,
    file_name   text        not null,
    documents   integer     not null check (documents >= 0),
    imported_at timestamptz not null default now(),
    unique (sha256, agency_id, source_note)
);
