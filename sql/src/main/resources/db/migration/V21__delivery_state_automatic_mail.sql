-- Delivery state of every letter Daylight sends, and agencies' automatic mail kept apart from answers.
--
-- outbox.delivery: PENDING (not yet handed to the SMTP server), SENT (handed over), DELIVERED (sent,
-- and no bounce came back within the wait OutboxWorker applies), BOUNCED (a delivery status
-- notification for it came back to the request's reply address; bounce_reason keeps the DSN's
-- words). A late bounce still turns DELIVERED into BOUNCED: the wait is a guess, the DSN a fact.
alter table outbox
    add column delivery      text        not null default 'PENDING'
        check (delivery in ('PENDING', 'SENT', 'DELIVERED', 'BOUNCED')),
    -- The Message-ID the message went out with, so a bounce quoting only the original's headers finds it.
    add column message_id    text,
    add column bounced_at    timestamptz,
    add column bounce_reason text,
    add column bounce_message_id bigint references inbound_messages (id),
    add check ((delivery = 'BOUNCED') = (bounced_at is not null));
update outbox set delivery = 'SENT' where sent_at is not null;
create index outbox_message_id_idx on outbox (message_id) where message_id is not null;
create index outbox_topic_idx on outbox (topic);

-- AUTOMATIC: an out-of-office reply, an auto-acknowledgment robot or a bounce that reached a
-- request's reply address: on the timeline as what it is, never offered as a step, never announced.
alter table inbound_messages drop constraint inbound_messages_status_check;
alter table inbound_messages add constraint inbound_messages_status_check
    check (status in ('MATCHED', 'CONFIRMED', 'NOT_A_STEP', 'HELD', 'DISCARDED', 'AUTOMATIC'));
-- Sentences from the parser about parts it could not read and skipped (the rest was kept).
alter table inbound_messages add column parse_notes text;
