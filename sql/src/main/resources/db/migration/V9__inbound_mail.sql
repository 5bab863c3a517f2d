-- Two-way e-mail: agencies that never sign in answer letters by e-mail, to an address made for
-- each request. Every message that reaches Daylight is kept here, matched or not: nothing from the
-- outside is dropped silently, and nothing from an unmatched message is public.

-- The secret part of each request's reply address (request-dl-2026-000123-<token>@domain). Only
-- the agency (in Reply-To), its officers and administrators see it, so a stranger cannot post into
-- a request by guessing its public number.
alter table requests add column reply_token text not null
    default substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)
    check (reply_token ~ '^[0-9a-f]{16}$');

create table inbound_messages (
    id               bigint generated always as identity primary key,
    received_at      timestamptz not null default now(),
    -- SMTP: the built-in listener; IMAP: polled from a mailbox.
    channel          text        not null check (channel in ('SMTP', 'IMAP')),
    -- Message-ID and recipient when the message has one, else the SHA-256 of its bytes: a message
    -- delivered twice (an SMTP retry, an IMAP poll interrupted before it marked the message seen) is
    -- kept once, and one message answering two requests once for each.
    dedup_key        text        not null unique,
    envelope_from    text,
    recipient        text        not null,
    from_address     text,
    subject          text,
    -- When the agency sent it, which is when the law counts its answer: the Date header, unless it
    -- is missing or impossible (before the request, after receipt), then received_at.
    sent_at          timestamptz,
    headers          text        not null,
    body_text        text,
    size_bytes       bigint      not null check (size_bytes >= 0),
    -- The message as received, in the blob store (absent only for oversized messages).
    raw_sha256       text        check (raw_sha256 ~ '^[0-9a-f]{64}$'),
    request_id       bigint      references requests (id),
    -- MATCHED: on the request's timeline, waiting for someone to confirm what it says;
    -- CONFIRMED / NOT_A_STEP: decided; HELD: in the administrators' holding queue; DISCARDED: an
    -- administrator looked at it and threw it out (kept, for the record).
    status           text        not null check (status in ('MATCHED', 'CONFIRMED', 'NOT_A_STEP', 'HELD', 'DISCARDED')),
    hold_reason      text        check (hold_reason in ('UNKNOWN_ADDRESS', 'WRONG_TOKEN', 'SENDER_NOT_AGENCY',
                                                       'FAILED_AUTHENTICATION', 'OVERSIZED', 'UNREADABLE')),
    -- The classifier's guess: {"type": "EXTENDED", "date": "2026-03-30", "exemptions": [...], "evidence": "..."}.
    suggestion       jsonb       not null default '{}',
    -- The EMAIL_RECEIVED ledger entry, and the entry a confirmation appended.
    event_seq        integer,
    confirmed_seq    integer,
    decided_by       bigint      references users (id),
    decided_at       timestamptz,
    check ((status = 'HELD') = (hold_reason is not null) or status = 'DISCARDED'),
    check (status in ('HELD', 'DISCARDED') or request_id is not null)
);
create index inbound_messages_request_idx on inbound_messages (request_id);
create index inbound_messages_held_idx on inbound_messages (received_at desc) where status = 'HELD';

-- Attachments of a message that could not be matched wait here (as blobs, private) until an
-- administrator assigns the message to a request; matched ones become request attachments.
create table inbound_attachments (
    message_id    bigint not null references inbound_messages (id),
    position      integer not null check (position >= 0),
    sha256        text   not null check (sha256 ~ '^[0-9a-f]{64}$'),
    original_name text   not null check (length(original_name) between 1 and 255),
    content_type  text   not null,
    size_bytes    bigint not null check (size_bytes >= 0),
    primary key (message_id, position)
);
