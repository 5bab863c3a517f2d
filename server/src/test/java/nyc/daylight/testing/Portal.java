package nyc.daylight.testing;

import java.time.Instant;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.lifecycle.DeadlineWatcher;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.OutboxWorker;
import nyc.daylight.requests.RequestLedger;

/**
 * The whole portal for lifecycle tests: the app on a hand-moved clock, a real SMTP server, and
 * the deadline watcher and outbox run by hand (so a test decides when time passes).
 */
public final class Portal implements AutoCloseable {
    public final MutableClock clock;
    public final MailServer mail;
    public final RunningApp app;
    public final DeadlineWatcher watcher;
    public final OutboxWorker outbox;

    public Portal(TestDatabase db, Instant start) {
        this(db, start, java.util.function.UnaryOperator.identity());
    }

    /** @param adjust changes the app's settings (turns on inbound mail, say) */
    public Portal(TestDatabase db, Instant start, java.util.function.UnaryOperator<nyc.daylight.boot.AppSettings> adjust) {
        clock = new MutableClock(start);
        mail = new MailServer();
        app = RunningApp.start(db.dataSource(), clock, adjust.apply(mail.settings()));
        AgencyService agencies = new AgencyService(db.dsl());
        outbox = new OutboxWorker(db.dsl(), mail.settings().smtp());
        watcher = new DeadlineWatcher(db.dsl(), agencies, new RequestLedger(agencies, clock), new Mailer(() -> { }), clock,
                "http://daylight.test");
    }

    /** A browser-like client signed in as this (already created) account. */
    public WebClient as(String email) throws Exception {
        WebClient web = new WebClient(app);
        web.signIn(email, People.PASSWORD);
        return web;
    }

    /** Runs the watcher once and delivers what it queued. */
    public void tick() {
        watcher.runOnce();
        outbox.deliverPending();
    }

    @Override
    public void close() {
        app.close();
        mail.close();
    }
}
