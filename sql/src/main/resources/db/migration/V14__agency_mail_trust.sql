-- Whose e-mail counts as an agency's. Only the agency's listed FOIL and appeals mailboxes count by
-- themselves; a whole domain counts only when an administrator verified that it is the agency's own
-- (never a webmail provider's, which anyone can get an address at). Removing a domain deletes its
-- row; the audit log keeps who added and removed it.
create table agency_mail_domains (
    agency_id   bigint      not null references agencies (id),
    -- Lower-case, no trailing dot, at least two labels; subdomains do not count unless listed.
    domain      text        not null check (domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'
                                            and length(domain) <= 253),
    verified_by bigint      not null references users (id),
    verified_at timestamptz not null,
    -- How the administrator knows (e.g. "listed on the agency's own website").
    note        text        not null check (length(note) between 1 and 500),
    primary key (agency_id, domain)
);

-- sent_at now keeps what the agency's Date: header claims, exactly as written (shown as such);
-- an e-mailed step takes effect at received_at, Daylight's own receipt, which no sender writes.
comment on column inbound_messages.sent_at is 'What the message''s Date: header claims; never the effective date of a step';

-- The SMTP listener's per-sender caps count what each envelope sender stored in the last day.
create index inbound_messages_sender_idx on inbound_messages (lower(envelope_from), received_at);
