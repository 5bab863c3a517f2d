package nyc.daylight.notify;

import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Puts e-mail in the outbox. Call it with the caller's transaction: the message exists exactly
 * when the change it announces was committed (no mail about a request that rolled back, no
 * request without its mail). {@link OutboxWorker} delivers it.
 */
public final class Mailer {
    private final Runnable onQueued;
    private final Optional<String> replyDomain;

    /** @param onQueued nudges the worker so mail goes out promptly instead of at the next poll */
    public Mailer(Runnable onQueued) {
        this(onQueued, Optional.empty());
    }

    /** @param replyDomain where agencies' answers are received, when Daylight receives mail at all */
    public Mailer(Runnable onQueued, Optional<String> replyDomain) {
        this.onQueued = onQueued;
        this.replyDomain = replyDomain;
    }

    /**
     * Stands in a body for its one-time link (a confirmation, reset or invitation link) until the
     * moment of sending; see {@link #enqueue(DSLContext, Email, String)}.
     */
    public static final String ONE_TIME_LINK = "{{daylight:one-time-link}}";

    public long enqueue(DSLContext tx, Email email) {
        return enqueue(tx, email, null);
    }

    /**
     * Queues a message whose body holds {@link #ONE_TIME_LINK} where {@code link} goes. The link is
     * kept apart from the body ({@code outbox.secret}) and put in only while sending; once the
     * message is delivered it is gone, so the outbox, its admin page and every backup afterwards
     * hold no live token.
     */
    public long enqueue(DSLContext tx, Email email, String link) {
        if (link != null && !email.body().contains(ONE_TIME_LINK)) {
            throw new IllegalArgumentException("A message with a one-time link must say where it goes");
        }
        long id = OutboxRepository.insert(tx, email, link);
        onQueued.run();
        return id;
    }

    /** True when agencies' answers come to Daylight's own reply addresses, not the requester's e-mail. */
    public boolean receivesReplies() {
        return replyDomain.isPresent();
    }

    /**
     * Where an agency's answer to a letter about this request should go: the request's own reply
     * address when Daylight receives mail (so the answer lands on the request's timeline), else
     * the requester's address (so it reaches a person at all).
     */
    public String replyTo(String number, String replyToken, String requesterEmail) {
        return replyDomain.map(d -> new ReplyAddress(number, replyToken).at(d)).orElse(requesterEmail);
    }
}
