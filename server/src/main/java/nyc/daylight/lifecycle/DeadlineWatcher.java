package nyc.daylight.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Message;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own clock-watcher (no external cron): every 15 minutes it re-evaluates open
 * requests, reminds officers two business days before a due date and on the day, and when a date
 * passes records a DEADLINE_MISSED event and tells the requester what they can do. Each notice is
 * a row in deadline_notices whose primary key makes it happen once, across restarts and nodes.
 */
public final class DeadlineWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final CaseFiles cases;
    private final CaseRepository repo = new CaseRepository();
    private final WatcherRepository watched = new WatcherRepository();
    private final Mailer mailer;
    private final LifecycleMail mail;
    private final Clock clock;
    private final Digests digests;
    private final nyc.daylight.db.JobLocks locks;
    private final FollowUpLetter followUpLetter;
    private ScheduledExecutorService executor;

    /** A watcher that sends deadline notices only (tests that count those e-mails run this one by hand). */
    public DeadlineWatcher(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, Clock clock, String baseUrl) {
        this(dsl, agencies, ledger, mailer, clock, baseUrl, false);
    }

    /** @param sendDigests whether each pass also sends the day's digests ({@link Digests}), as the server's watcher does */
    public DeadlineWatcher(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, Clock clock, String baseUrl,
                           boolean sendDigests) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.cases = new CaseFiles(agencies, ledger, repo);
        this.mailer = mailer;
        this.mail = new LifecycleMail(baseUrl);
        this.clock = clock;
        this.digests = sendDigests ? new Digests(dsl, agencies, mailer, mail, clock) : null;
        this.locks = new nyc.daylight.db.JobLocks(dsl);
        this.followUpLetter = new FollowUpLetter(ledger, repo, mailer, mail, clock);
    }

    public synchronized void start(java.time.Duration firstPassAfter) {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daylight-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                long started = System.nanoTime();
                java.util.OptionalInt sent = runOnceAlone();
                // Every pass, even an empty one: the line an operator (and the crash test) reads
                // to know the watcher has caught up since start.
                if (sent.isPresent()) {
                    log.info("Deadline watcher pass done: {} notice(s) sent in {} ms", sent.getAsInt(),
                            (System.nanoTime() - started) / 1_000_000);
                } else {
                    log.info("Deadline watcher pass skipped: another node is running one");
                }
            } catch (RuntimeException e) {
                log.warn("Deadline watcher failed; will try again", e);
            }
        }, firstPassAfter.toMillis(), TimeUnit.MINUTES.toMillis(15), TimeUnit.MILLISECONDS);
    }

    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
    private final List<java.util.function.IntSupplier> alsoEachPass = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Work that runs at the end of every pass, on the same schedule (saved-search alerts): a
     * feature above this one plugs in here rather than keeping a scheduler of its own. The job
     * returns how many e-mails it queued and keeps its own once-only ledger.
     */
    public void alsoEachPass(java.util.function.IntSupplier job) {
        alsoEachPass.add(job);
    }


    /** Completed passes since start, for the metrics: a watcher that stopped running shows here. */
    public long runs() {
        return runs.get();
    }

    /**
     * One pass over every open request, then the day's digests (after the projections were
     * brought up to date, so a digest's "overdue" is today's); returns how many notices went out.
     */
    public int runOnce() {
        int sent = pass();
        if (digests != null) sent += digests.runDue();
        for (java.util.function.IntSupplier job : alsoEachPass) {
            try {
                sent += job.getAsInt();
            } catch (RuntimeException e) {
                log.warn("A job of the watcher's pass failed; will try again", e);
            }
        }
        runs.incrementAndGet();
        return sent;
    }

    /**
     * {@link #runOnce()} unless another node (or another watcher on this one) is in a pass right
     * now: the pass holds the job's advisory lock ({@link nyc.daylight.db.JobLocks}), on a
     * connection of its own. Empty when it was skipped. The server's timer runs this one.
     */
    public java.util.OptionalInt runOnceAlone() {
        try {
            return locks.runAlone("deadline-watcher", this::runOnce).map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int pass() {
        liftEmbargoes();
        // Lists trust the stored projection: first rewrite every one that time alone has moved.
        ledger.refreshStale(dsl);
        Map<Long, Agency> byId = agencies.byId();
        List<WatcherRepository.Watched> open = dsl.transactionResult(t -> watched.toWatch(t.dsl()));
        int sent = 0;
        // One transaction per request: a failure on one leaves the others' notices sent and recorded.
        for (WatcherRepository.Watched w : open) {
            Agency agency = byId.get(w.agencyId());
            sent += dsl.transactionResult(tx -> check(tx.dsl(), w.requestId(), agency, w.noMetrics()));
        }
        return sent;
    }

    private int check(DSLContext tx, long requestId, Agency agency, boolean noMetrics) {
        BusinessCalendar cal = agencies.calendarFor(agency);
        CaseRequest request = repo.byId(tx, requestId);
        // Written only when time moved the projection, or when scorecard facts were never computed.
        DeadlineReport report = noMetrics ? ledger.refresh(tx, requestId, agency) : repo.currentReport(tx, ledger, requestId, agency, cal);
        // An imported request is history: its projection is kept for the scorecards, but nobody is
        // ever reminded, told or followed up about a deadline from an old log (NoticePlan).
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        boolean followUps = request.autoFollowUp() && agency.foil().email() != null;
        int sent = 0;
        for (NoticePlan.Notice n : NoticePlan.of(report, cal, today, request.importedSource() != null, followUps)) {
            Deadline d = n.deadline();
            if (!watched.claim(tx, requestId, d, n.kind().name())) continue;
            switch (n.kind()) {
                case DUE_IN_2 -> remindOfficers(tx, agency, request.number(), request.title(), d, 2);
                case DUE_TODAY -> remindOfficers(tx, agency, request.number(), request.title(), d, 0);
                case MISSED -> missed(tx, agency, request, d, report);
                case FOLLOW_UP -> followUpLetter.send(tx, agency, request, d, today);
            }
            sent++;
        }
        return sent;
    }

    private void remindOfficers(DSLContext tx, Agency agency, String number, String title, Deadline d, int left) {
        String when = left == 0 ? "today" : "in 2 business days, on " + LifecycleMail.day(d.due());
        String body = "Request " + number + " (\"" + title + "\"): " + step(d) + " is due " + when + ". "
                + (d.note() == null ? "" : d.note().english()) + "\n" + d.citation();
        String subject = (left == 0 ? "Due today: " : "Due soon: ") + step(d);
        List<Officer> officers = cases.officersOf(tx, agency.id());
        if (officers.isEmpty() && agency.foil().email() != null) {
            mailer.enqueue(tx, mail.toAgency(agency.foil().email(), null, agency, number, subject, body));
        }
        for (Officer o : officers) {
            mailer.enqueue(tx, mail.toAgency(o.email(), null, agency, number, subject, body));
        }
    }

    private void missed(DSLContext tx, Agency agency, CaseRequest request,
                        Deadline d, DeadlineReport report) {
        boolean ny = agency.regime() == Regime.NY_FOIL;
        String what = switch (d.kind()) {
            case RESPONSE -> "grant, deny or acknowledge the request";
            case DETERMINATION -> "grant or deny the request";
            case APPEAL_DECISION -> "decide the appeal";
            default -> "act";
        };
        String fact = agency.name() + " did not " + what + " by " + LifecycleMail.day(d.due()) + ".";
        ledger.append(tx, request.id(), EventType.DEADLINE_MISSED, OffsetDateTime.now(clock), null, d.due(), d.citation(), fact, null);
        Message option;
        var window = report.find(Deadline.Kind.APPEAL_FILING).filter(w -> w.state() == Deadline.State.PENDING);
        var court = report.find(Deadline.Kind.COURT).filter(w -> w.state() == Deadline.State.PENDING);
        if (d.kind() == Deadline.Kind.APPEAL_DECISION && ny && court.isPresent()) {
            option = Message.of("mail.missed.court", court.get().due());
        } else if (ny && window.isPresent()) {
            option = Message.of("mail.missed.appealLink", window.get().due(), mail.appealLink(request.number()));
        } else if (!ny) {
            option = Message.of("mail.missed.federal");
        } else {
            option = Message.of("mail.missed.seePage");
        }
        // The ledger keeps the fact in English, as written; the requester reads it in their language.
        Recipient to = Recipient.of(tx, request.requesterId());
        String said = to.text(switch (d.kind()) {
            case RESPONSE, DETERMINATION, APPEAL_DECISION -> "mail.missed." + d.kind().name();
            default -> "mail.missed.other";
        }, agency.name(), d.due());
        mailer.enqueue(tx, mail.toRequester(to, request.number(), request.title(),
                Message.of("mail.missed.subject." + d.kind().name()), said + "\n\n" + to.text(option)));
        for (Officer o : cases.officersOf(tx, agency.id())) {
            mailer.enqueue(tx, mail.toAgency(o.email(), null, agency, request.number(), "Deadline missed: " + step(d), fact));
        }
    }

    /** The step that is due or late, in the words of subjects and officer notices. */
    private static String step(Deadline d) {
        return FollowUpLetter.step(d);
    }

    /** Ends every embargo whose date has come: exactly once, as the update matches each only once. */
    int liftEmbargoes() {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        return dsl.transactionResult(t -> {
            List<Long> lifted = repo.endEmbargoesDue(t.dsl(), today, OffsetDateTime.now(clock));
            for (long id : lifted) {
                ledger.append(t.dsl(), id, EventType.EMBARGO_LIFTED, OffsetDateTime.now(clock), null, null, null, null, null);
            }
            return lifted.size();
        });
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
