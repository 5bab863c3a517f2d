package nyc.daylight.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a records officer (or appeals officer) does to a request. Each action checks that the
 * officer belongs to the request's agency, that the request's state allows it and that the law's
 * conditions are met; then, in one transaction, it appends the event, refreshes the projection,
 * writes the audit log and queues the e-mail to the requester. A refused action changes nothing.
 */
public final class OfficerActions {
    static final long MAX_RELEASE_BYTES = 20L * 1024 * 1024;
    private final DSLContext dsl;
    private final CaseFiles cases;
    private final CaseRepository repo = new CaseRepository();
    private final RequestLedger ledger;
    private final AgencyService agencies;
    private final Mailer mailer;
    private final LifecycleMail mail;
    private final BlobStore blobs;
    private final ReleasedFiles releasedFiles;
    private final Clock clock;
    private final AuditLog audit = new AuditLog();
    private final JsonMapper json = JsonMapper.builder().build();

    public OfficerActions(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, BlobStore blobs,
                          ReleasedFiles releasedFiles, Clock clock, String baseUrl) {
        this.releasedFiles = releasedFiles;
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.cases = new CaseFiles(agencies, ledger, repo);
        this.mailer = mailer;
        this.mail = new LifecycleMail(baseUrl);
        this.blobs = blobs;
        this.clock = clock;
    }

    CaseFiles cases() {
        return cases;
    }

    /** Written acknowledgment with the approximate date of a determination (POL §89(3)(a)). */
    public void acknowledge(User officer, String number, LocalDate approximateDate, String reason, String message, String ip) {
        act(officer, number, "acknowledge", ip, (tx, c) -> {
            boolean needsReason = rules(c).acknowledgment(approximateDate, reason);
            String body = text(message, "We have received your request and expect to grant or deny it by "
                    + LifecycleMail.day(approximateDate) + ".");
            append(tx, c, officer, EventType.ACKNOWLEDGED, approximateDate, Text.blankToNull(reason), body, null);
            Recipient to = requester(tx, c);
            mailer.enqueue(tx, mail.toRequester(to, c.number(), c.request().title(),
                    Message.of("mail.ack.subject", c.agency().name()),
                    body + "\n\n" + to.text("mail.ack.expects", approximateDate)
                            + (needsReason ? "\n" + to.text("mail.ack.reason", reason.strip()) : "")));
            return "approximate date " + approximateDate;
        });
    }

    /** A new date certain (NY) or an unusual-circumstances extension (federal), always with a reason. */
    public void extend(User officer, String number, LocalDate newDate, String reason, String message, String ip) {
        act(officer, number, "extend", ip, (tx, c) -> {
            LocalDate was = rules(c).extension(newDate, reason);
            String body = text(message, "We need more time to respond to your request. We now expect to decide by "
                    + LifecycleMail.day(newDate) + ".");
            append(tx, c, officer, EventType.EXTENDED, newDate, reason.strip(), body, null);
            boolean late = today().isAfter(was);
            Recipient to = requester(tx, c);
            mailer.enqueue(tx, mail.toRequester(to, c.number(), c.request().title(),
                    Message.of("mail.extend.subject", c.agency().name()),
                    body + "\n\n" + to.text("mail.extend.reason", reason.strip(), was)
                            + (late ? "\n\n" + to.text("mail.extend.late") : "")));
            return "to " + newDate + " from " + was;
        });
    }

    public void askClarification(User officer, String number, String message, String ip) {
        act(officer, number, "clarification", ip, (tx, c) -> {
            open(c);
            if (message == null || message.isBlank()) throw BadInput.of("message", "error.clarification.questionMissing");
            append(tx, c, officer, EventType.CLARIFICATION_REQUESTED, null, null, message.strip(), null);
            Recipient to = requester(tx, c);
            mailer.enqueue(tx, mail.toRequester(to, c.number(), c.request().title(),
                    Message.of("mail.clarify.subject", c.agency().name()),
                    message.strip() + "\n\n" + to.text("mail.clarify.how")));
            return null;
        });
    }

    /** Records made available; releases may be partial and repeated (rolling production). */
    public void release(User officer, String number, List<nyc.daylight.requests.Upload> files, String message, String ip) {
        if (files == null || files.isEmpty()) throw BadInput.of("files", "error.release.noFile");
        Case check = dsl.transactionResult(tx -> cases.forOfficer(tx.dsl(), officer, number));
        if (check.withdrawn()) throw BadInput.of("files", "error.officer.requestWithdrawn");
        List<StoredBlob> stored = new ArrayList<>();
        for (nyc.daylight.requests.Upload f : files) stored.add(store(f));
        List<Long> attachmentIds = new ArrayList<>();
        act(officer, number, "release", ip, (tx, c) -> {
            if (c.withdrawn()) throw BadInput.of("files", "error.officer.requestWithdrawn");
            String body = text(message, files.size() == 1 ? "We are releasing one file in response to your request."
                    : "We are releasing " + files.size() + " files in response to your request.");
            int seq = append(tx, c, officer, EventType.RECORDS_RELEASED, null, null, body, null);
            for (int i = 0; i < files.size(); i++) {
                attachmentIds.add(ledger.attach(tx, c.request().id(), seq, stored.get(i), files.get(i).safeName(), officer.id(), "AGENCY_RELEASE"));
            }
            Recipient to = requester(tx, c);
            mailer.enqueue(tx, mail.toRequester(to, c.number(), c.request().title(),
                    Message.of("mail.release.subject", c.agency().name()), body + "\n\n" + to.text("mail.release.where")));
            return files.size() + " file(s)";
        });
        // The release stands once committed; reading the files for review happens after it.
        for (int i = 0; i < attachmentIds.size(); i++) {
            releasedFiles.received(check.request().id(), check.agency().id(), attachmentIds.get(i), stored.get(i),
                    files.get(i).safeName(), officer.id());
        }
    }

    /** Grant, partial grant, denial or "no records"; withholding must cite exemptions and say how to appeal. */
    public void determine(User officer, String number, EventType outcome, List<String> exemptionCodes, String explanation, String ip) {
        act(officer, number, "determine", ip, (tx, c) -> {
            List<Exemption> cited = rules(c).determination(outcome, exemptionCodes, explanation);
            LedgerEvent decision = new LedgerEvent(outcome, clock.instant(), null, null);
            DeadlineReport after = ledger.preview(tx, c.request().id(), c.agency(), decision);
            String letter = DeterminationLetter.write(c.agency(), c.number(), outcome, cited, explanation,
                    after.find(Deadline.Kind.APPEAL_FILING).map(Deadline::due).orElse(null));
            String data = json.writeValueAsString(java.util.Map.of("exemptions", cited.stream().map(Exemption::code).toList()));
            append(tx, c, officer, outcome, null, Text.blankToNull(explanation), letter, data);
            Recipient to = requester(tx, c);
            // The determination letter is the agency's legal document: sent as written, introduced in the requester's language.
            mailer.enqueue(tx, mail.toRequester(to, c.number(), c.request().title(),
                    Message.of("mail.determine.subject", c.agency().name()),
                    (to.locale().getLanguage().equals("en") ? "" : to.text("mail.determine.letter") + "\n\n") + letter));
            return outcome + (cited.isEmpty() ? "" : " citing " + cited.stream().map(Exemption::code).collect(Collectors.joining(", ")));
        });
    }

    /** The appeals officer's decision (POL §89(4)(a)). */
    public void decideAppeal(User officer, String number, EventType outcome, String explanation, String ip) {
        act(officer, number, "decide-appeal", ip, (tx, c) -> {
            if (!cases.isAppealsOfficer(officer, c.agency())) {
                throw BadInput.of("outcome", "error.appeal.notAppealsOfficer");
            }
            if (!c.has(EventType.APPEALED)) throw BadInput.of("outcome", "error.appeal.none");
            if (c.hasAny(EventType.APPEAL_DECISIONS)) throw BadInput.of("outcome", "error.appeal.alreadyDecided");
            if (outcome == null || !EventType.APPEAL_DECISIONS.contains(outcome)) throw BadInput.of("outcome", "error.appeal.decisionMissing");
            if (WrittenReason.missing(explanation)) {
                throw BadInput.of("explanation", "error.appeal.explanationMissing");
            }
            String body = switch (outcome) {
                case APPEAL_GRANTED -> "Your appeal is granted: the denial is reversed and the records will be provided.";
                case APPEAL_PARTLY_GRANTED -> "Your appeal is granted in part.";
                default -> "Your appeal is denied.";
            } + "\n\n" + explanation.strip() + (outcome == EventType.APPEAL_GRANTED ? ""
                    : c.agency().regime() == Regime.NY_FOIL
                    ? "\n\nYou may seek review of this final determination in a proceeding under Article 78 of the Civil Practice "
                    + "Law and Rules, within four months (CPLR 217(1)). The Committee on Open Government gives advisory opinions."
                    : "\n\nYou may seek mediation from the Office of Government Information Services, or judicial review in "
                    + "federal district court (5 U.S.C. §552(a)(4)(B)).");
            append(tx, c, officer, outcome, null, explanation.strip(), body, null);
            Recipient to = requester(tx, c);
            String mailed = to.text("mail.appeal." + outcome.name()) + "\n\n" + explanation.strip()
                    + (outcome == EventType.APPEAL_GRANTED ? ""
                    : "\n\n" + to.text(c.agency().regime() == Regime.NY_FOIL ? "mail.appeal.ny" : "mail.appeal.federal"));
            mailer.enqueue(tx, mail.toRequester(to, c.number(), c.request().title(), Message.of("mail.appeal.subject"), mailed));
            return outcome.name();
        });
    }

    /**
     * Gives the request to an officer of its agency (or to nobody). Returns whether the assignee
     * changed: re-saving the same one is no new assignment, so it sets no date and sends no mail.
     * A new assignee other than the officer assigning is told by e-mail, in their language, in the
     * same transaction (so once per assignment, and never for an assignment that rolled back).
     */
    public boolean assign(User officer, String number, Long assigneeId, String ip) {
        boolean[] changed = {false};
        act(officer, number, "assign", ip, (tx, c) -> {
            // Read in this transaction, with the request locked: the list checked is the one the write relies on.
            if (assigneeId != null && cases.officersOf(tx, c.agency().id()).stream().noneMatch(o -> o.id() == assigneeId)) {
                throw BadInput.of("assignee", "error.officerOf", c.agency().name());
            }
            if (java.util.Objects.equals(assigneeId, c.request().assignedTo())) return "unchanged";
            repo.assign(tx, c.request().id(), assigneeId);
            repo.assignedAt(tx, c.request().id(), assigneeId == null ? null : OffsetDateTime.now(clock));
            changed[0] = true;
            if (assigneeId != null && assigneeId != officer.id()) {
                Recipient to = Recipient.of(tx, assigneeId);
                LocalDate due = c.report().owed().agencyDue();
                mailer.enqueue(tx, mail.toOfficer(to, c.agency(), c.number(), Message.of("mail.assigned.subject"),
                        to.text("mail.assigned.body", officer.label(), c.number(), c.request().title(), c.agency().name())
                                + (due == null ? "" : "\n\n" + to.text("mail.assigned.due", due))));
            }
            return assigneeId == null ? "unassigned" : "to user " + assigneeId;
        });
        return changed[0];
    }

    public void addNote(User officer, String number, String body, String ip) {
        act(officer, number, "note", ip, (tx, c) -> {
            if (body == null || body.isBlank()) throw BadInput.of("note", "error.note.empty");
            if (body.length() > 10_000) throw BadInput.of("note", "error.note.tooLong");
            repo.addNote(tx, c.request().id(), officer.id(), body.strip());
            return null;
        });
    }

    public record Note(OffsetDateTime at, String author, String body) {}

    public List<Note> notes(User officer, String number) {
        return dsl.transactionResult(t -> repo.notes(t.dsl(), cases.forOfficer(t.dsl(), officer, number).request().id()));
    }

    // --- plumbing --------------------------------------------------------------------------

    @FunctionalInterface
    private interface Step {
        /** Returns the audit detail. */
        String run(DSLContext tx, Case c);
    }

    private void act(User officer, String number, String action, String ip, Step step) {
        dsl.transaction(t -> {
            DSLContext tx = t.dsl();
            // One action at a time per request: a double click cannot acknowledge twice.
            repo.lock(tx, number);
            Case c = cases.forOfficer(tx, officer, number);
            String detail = step.run(tx, c);
            ledger.refresh(tx, c.request().id(), c.agency());
            audit.record(tx, officer.id(), action, number, detail, ip);
        });
    }

    private int append(DSLContext tx, Case c, User officer, EventType type, LocalDate date, String reason, String body, String data) {
        return ledger.append(tx, c.request().id(), type, OffsetDateTime.now(clock), officer.id(), date, reason, body, data);
    }

    /** The law's conditions on a step the officer records today; e-mailed steps meet the same ones. */
    private StepRules rules(Case c) {
        return new StepRules(c.agency(), c.events(), c.report(), agencies.calendarFor(c.agency()), today(), false);
    }

    private static void open(Case c) {
        if (c.withdrawn()) throw BadInput.of("request", "error.requester.withdrew");
    }

    private static Recipient requester(DSLContext tx, Case c) {
        return Recipient.of(tx, c.request().requesterId());
    }

    private StoredBlob store(nyc.daylight.requests.Upload upload) {
        try (InputStream in = upload.source().get()) {
            return blobs.put(in, MAX_RELEASE_BYTES);
        } catch (BlobTooLargeException e) {
            throw BadInput.of("files", "error.releaseTooBig", upload.safeName(), MAX_RELEASE_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }

    private static String text(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }

}
