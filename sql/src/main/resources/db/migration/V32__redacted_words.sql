-- How much of a published record was redacted, by words (issue #23): the scorecard's
-- "disposition-aware timeliness" tells a near-total redaction apart from records provided, which
-- agencies count alike as "closed". words_total counts the words of the text the officer reviewed
-- (every page); words_redacted those of them the published text no longer has (a page withheld in
-- full loses all its words). Written in the publication's transaction; the threshold is applied
-- when the scorecard is read (DelayPatterns.NEAR_TOTAL_PERCENT), so a methodology change moves no
-- stored number. Only counts: never the redacted text, and never shown per record (the count of
-- words redacted would tell how long a redacted name is, which the "[REDACTED]" marker hides).
--
-- Null: published before this column existed. No SQL backfill here: the word rule lives in one
-- place (releases.RedactedWords), and a copy in SQL regular expressions would drift from it
-- (PostgreSQL's \s and Java's disagree on non-breaking spaces). RedactedWordsBackfill counts such
-- records from document_pages.text and published_text at the server's start.
alter table documents
    add column words_total    integer check (words_total >= 0),
    add column words_redacted integer check (words_redacted >= 0 and words_redacted <= words_total);

-- The scorecard sums the counts per request at every read: an index-only scan of the published,
-- counted records. And the backfill finds the uncounted ones without reading the table.
create index documents_counted_idx on documents (request_id) include (words_total, words_redacted)
    where status = 'PUBLISHED' and words_total is not null;
create index documents_uncounted_idx on documents (id) where status = 'PUBLISHED' and words_total is null;
