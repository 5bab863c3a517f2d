package nyc.daylight.notify;

import static nyc.daylight.sql.jooq.Tables.OUTBOX;

import org.jooq.DSLContext;

/**
 * Puts e-mail in the outbox. Call it with the caller's transaction: the message exists exactly
 * when the change it announces was committed (no mail about a request that rolled back, no
 * request without its mail). {@link OutboxWorker} delivers it.
 */
public final class Mailer {
    private final Runnable onQueued;

    /** @param onQueued nudges the worker so mail goes out promptly instead of at the next poll */
    public Mailer(Runnable onQueued) {
        this.onQueued = onQueued;
    }

    public long enqueue(DSLContext tx, Email email) {
        long id = tx.insertInto(OUTBOX)
                .set(OUTBOX.TO_ADDRESS, email.to())
                .set(OUTBOX.REPLY_TO, email.replyTo())
                .set(OUTBOX.SUBJECT, email.subject())
                .set(OUTBOX.BODY_TEXT, email.body())
                .set(OUTBOX.TOPIC, email.topic())
                .returning(OUTBOX.ID)
                .fetchOne(OUTBOX.ID);
        onQueued.run();
        return id;
    }
}
