package nyc.daylight.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import nyc.daylight.deadlines.AgencyRules;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.CalendarKind;
import nyc.daylight.deadlines.Deadline;
import nyc.daylight.deadlines.DeadlineEngine;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Holiday;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Owed;
import nyc.daylight.deadlines.Party;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.deadlines.Standing;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated ledgers (late acknowledgments, several extensions, clarifications,
 * partial releases, appeals, imported rows, federal and New York agencies, holidays and closure
 * days), each checked against the invariants every surface relies on. A plain seeded generator:
 * a failure names its seed and ledger, and {@code -Ddaylight.properties.seed=…} replays it.
 * The normal suite runs {@value #DEFAULT_TRIES} ledgers (well under a second); {@code -Pproperties}
 * runs many more (server/pom.xml).
 */
class OwedPropertiesTest {
    static final int DEFAULT_TRIES = 3000;
    private static final DeadlineEngine engine = new DeadlineEngine();

    /** One generated request: its ledger, its agency's rules and calendar, the moment it is looked at. */
    record Case(long seed, boolean ny, boolean imported, boolean followUps, List<LedgerEvent> ledger, AgencyRules rules,
                BusinessCalendar calendar, Instant now) {
        DeadlineReport report() {
            return engine.evaluate(ledger, rules, calendar, now);
        }

        LocalDate today() {
            return now.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
        }

        boolean has(java.util.Set<EventType> types) {
            return ledger.stream().anyMatch(e -> types.contains(e.type()));
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("seed " + seed + (ny ? " NY" : " federal") + (imported ? " imported" : "")
                    + ", now " + now.atZone(BusinessCalendar.NEW_YORK).toLocalDateTime() + "\n");
            for (LedgerEvent e : ledger) {
                s.append("  ").append(e.occurredAt().atZone(BusinessCalendar.NEW_YORK).toLocalDateTime()).append(' ')
                        .append(e.type()).append(e.date() == null ? "" : " " + e.date())
                        .append(e.hasReason() ? " (reason)" : "").append('\n');
            }
            return s.toString();
        }
    }

    @Test
    void every_generated_ledger_tells_the_same_story_on_every_surface() {
        int tries = Integer.getInteger("daylight.properties.tries", DEFAULT_TRIES);
        long base = Long.getLong("daylight.properties.seed", new Random().nextLong());
        int liveMisses = 0;
        int continuing = 0;
        for (int i = 0; i < tries; i++) {
            Case c = generate(base + i);
            try {
                if (check(c)) liveMisses++;
                if (c.report().find(Deadline.Kind.APPEAL_FILING).map(d -> d.note().key().equals("note.mayAppealContinuing"))
                        .orElse(false)) {
                    continuing++;
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Invariant broken (replay with -Ddaylight.properties.seed=" + c.seed()
                        + " -Ddaylight.properties.tries=1):\n" + c + "\n" + e.getMessage(), e);
            }
        }
        // The generator must reach the late cases, or the invariants prove nothing.
        assertThat(liveMisses).as("ledgers with a live miss").isGreaterThan(tries / 10);
        if (tries >= 1000) assertThat(continuing).as("continuing denials").isPositive();
    }

    /** Returns whether the case had a live miss. */
    static boolean check(Case c) {
        DeadlineReport r = c.report();
        Owed owed = r.owed();
        LocalDate today = c.today();
        boolean determined = c.has(EventType.DETERMINATIONS);
        boolean appealed = c.has(java.util.Set.of(EventType.APPEALED));
        boolean withdrawn = r.standing() == Standing.WITHDRAWN;

        // The live miss is a real, still-unanswered agency date in the report, and the page's
        // standing says the request is late: the overdue list never disagrees with the page.
        Deadline live = owed.liveMiss();
        if (live != null) {
            assertThat(r.deadlines()).as("live miss is one of the report's deadlines").contains(live);
            assertThat(live.state()).isEqualTo(Deadline.State.MISSED);
            assertThat(live.resolvedOn()).as("a live miss is unanswered").isNull();
            assertThat(live.owedBy()).isIn(Party.AGENCY, Party.APPEALS_OFFICER);
            assertThat(live.due()).as("a live miss has passed").isBefore(today);
            assertThat(r.standing()).as("the page shows a live miss as late").isIn(Standing.CONSTRUCTIVELY_DENIED, Standing.OVERDUE);
            assertThat(withdrawn).isFalse();
        } else {
            assertThat(owed.businessDaysOverdue(c.calendar(), today)).as("not on the overdue list").isZero();
        }
        if (r.standing() == Standing.ON_TIME || r.standing() == Standing.DUE_SOON || r.standing() == Standing.DECIDED
                || withdrawn) {
            assertThat(live).as("an on-time, decided or withdrawn request is never overdue").isNull();
        }
        // The overdue list's date and count are the live miss's.
        assertThat(owed.missedDue()).isEqualTo(live == null ? null : live.due());

        // A live miss without a determination always leaves the requester somewhere to go.
        if (live != null && !determined) {
            if (c.ny()) {
                Optional<Deadline> window = r.find(Deadline.Kind.APPEAL_FILING);
                boolean open = window.filter(w -> w.state() == Deadline.State.PENDING && !w.due().isBefore(today)).isPresent();
                assertThat(open || appealed).as("an open appeal window or a filed appeal").isTrue();
                if (open) {
                    assertThat(r.nextSteps()).as("the open window is offered as a next step")
                            .anyMatch(s -> s.party() == Party.REQUESTER && window.get().due().equals(s.by()));
                    assertThat(owed.requesterDue()).isEqualTo(window.get().due());
                }
            } else {
                assertThat(r.nextSteps()).as("federal remedies offered")
                        .anyMatch(s -> s.party() == Party.REQUESTER && s.citation() != null && s.citation().contains("§552(a)(6)(C)(i)"));
            }
        }
        // NY: the window is counted from the latest constructive denial, never an earlier one.
        if (c.ny() && !determined && !appealed && !withdrawn) {
            r.deadlines().stream().filter(d -> d.owedBy() == Party.AGENCY && d.state() == Deadline.State.MISSED)
                    .map(d -> d.resolvedOn() != null && !d.resolvedOn().isAfter(d.due()) ? d.resolvedOn() : d.due().plusDays(1))
                    .max(LocalDate::compareTo).ifPresent(latest -> assertThat(r.find(Deadline.Kind.APPEAL_FILING).orElseThrow().due())
                            .as("window from the latest miss").isAfterOrEqualTo(
                                    c.calendar().onOrNextBusinessDay(latest.plusDays(c.rules().appealFilingDays()))));
        }

        // The queue's date is always owed by the agency (or its appeals officer), never the requester.
        if (owed.agencyNext() != null) {
            assertThat(owed.agencyNext().owedBy()).isIn(Party.AGENCY, Party.APPEALS_OFFICER);
            assertThat(r.deadlines()).contains(owed.agencyNext());
            assertThat(owed.agencyNext().state() == Deadline.State.PENDING || owed.agencyNext().equals(live)).isTrue();
        } else {
            assertThat(live).as("whatever is live is still owed").isNull();
        }
        if (owed.requesterNext() != null) assertThat(owed.requesterNext().owedBy()).isEqualTo(Party.REQUESTER);
        if (r.standing() == Standing.DECIDED || withdrawn) assertThat(owed.agencyNext()).isNull();

        // Notices: never for an imported request; a missed-date notice only ever names the live miss.
        List<NoticePlan.Notice> notices = NoticePlan.of(r, c.calendar(), today, c.imported(), c.followUps());
        if (c.imported()) assertThat(notices).as("no notice for imported history").isEmpty();
        for (NoticePlan.Notice n : notices) {
            assertThat(n.deadline().owedBy()).isIn(Party.AGENCY, Party.APPEALS_OFFICER);
            switch (n.kind()) {
                case MISSED, FOLLOW_UP -> assertThat(n.deadline()).isEqualTo(live);
                default -> assertThat(n.deadline().state()).isEqualTo(Deadline.State.PENDING);
            }
        }
        // Evaluating again gives the same answer: surfaces that evaluate at different times of a
        // request agree as long as the ledger and the day are the same.
        assertThat(c.report()).isEqualTo(r);
        return live != null;
    }

    // --- the generator ---------------------------------------------------------------------

    static Case generate(long seed) {
        Random rnd = new Random(seed);
        boolean ny = rnd.nextInt(3) > 0;
        AgencyRules rules = AgencyRules.defaultsFor(ny ? Regime.NY_FOIL : Regime.FEDERAL_FOIA);
        LocalDate received = LocalDate.of(2016, 1, 1).plusDays(rnd.nextInt(365 * 18));
        List<Holiday> closures = new ArrayList<>();
        if (rnd.nextInt(4) == 0) { // a snow emergency or a proclaimed holiday somewhere in the first months
            for (int i = 0; i < 1 + rnd.nextInt(3); i++) closures.add(new Holiday(received.plusDays(rnd.nextInt(120)), "Closure"));
        }
        BusinessCalendar cal = new BusinessCalendar(ny ? CalendarKind.NEW_YORK : CalendarKind.FEDERAL, closures);
        boolean imported = rnd.nextInt(5) == 0;
        List<LedgerEvent> ledger = new ArrayList<>();
        Instant cursor = at(received, LocalTime.of(7 + rnd.nextInt(13), rnd.nextInt(60)));
        ledger.add(LedgerEvent.of(EventType.SUBMITTED, cursor));
        int steps = rnd.nextInt(9);
        for (int i = 0; i < steps; i++) {
            cursor = cursor.plusSeconds(3600L * (1 + rnd.nextInt(24 * 25)));
            Instant when = cursor;
            LocalDate day = when.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
            DeadlineReport sofar = engine.evaluate(ledger, rules, cal, when);
            boolean determined = ledger.stream().anyMatch(e -> EventType.DETERMINATIONS.contains(e.type()));
            boolean withdrawn = ledger.stream().anyMatch(e -> e.type() == EventType.WITHDRAWN);
            boolean appealed = ledger.stream().anyMatch(e -> e.type() == EventType.APPEALED);
            boolean appealDecided = ledger.stream().anyMatch(e -> EventType.APPEAL_DECISIONS.contains(e.type()));
            boolean acknowledged = ledger.stream().anyMatch(e -> e.type() == EventType.ACKNOWLEDGED);
            if (withdrawn) break;
            int roll = rnd.nextInt(100);
            if (roll < 25 && !acknowledged && !determined) {
                LocalDate date = rnd.nextInt(10) == 0 ? null : day.plusDays(1 + rnd.nextInt(45));
                ledger.add(new LedgerEvent(EventType.ACKNOWLEDGED, when, date, rnd.nextInt(3) == 0 ? "Volume of records" : null));
            } else if (roll < 45 && !determined) {
                // As the officer form allows: later than the current date, with a reason (mostly).
                LocalDate current = sofar.find(Deadline.Kind.DETERMINATION).orElseThrow().due();
                LocalDate from = current.isAfter(day) ? current : day;
                ledger.add(new LedgerEvent(EventType.EXTENDED, when, from.plusDays(1 + rnd.nextInt(40)),
                        rnd.nextInt(8) == 0 ? null : "Records held off site"));
            } else if (roll < 52 && !determined) {
                ledger.add(LedgerEvent.of(rnd.nextBoolean() ? EventType.CLARIFICATION_REQUESTED : EventType.CLARIFICATION_ANSWERED, when));
            } else if (roll < 60) {
                ledger.add(LedgerEvent.of(EventType.RECORDS_RELEASED, when));
            } else if (roll < 75 && !determined) {
                EventType[] outcomes = EventType.DETERMINATIONS.toArray(EventType[]::new);
                ledger.add(LedgerEvent.of(outcomes[rnd.nextInt(outcomes.length)], when));
            } else if (roll < 87 && !appealed) {
                // The requester can appeal only through an open window (RequesterActions); an
                // imported log records appeals as they happened.
                boolean open = sofar.find(Deadline.Kind.APPEAL_FILING).filter(w -> w.state() == Deadline.State.PENDING).isPresent();
                if (open || (imported && determined)) ledger.add(LedgerEvent.of(EventType.APPEALED, when));
            } else if (roll < 95 && appealed && !appealDecided) {
                EventType[] outcomes = EventType.APPEAL_DECISIONS.toArray(EventType[]::new);
                ledger.add(LedgerEvent.of(outcomes[rnd.nextInt(outcomes.length)], when));
            } else if (roll >= 97) {
                ledger.add(LedgerEvent.of(EventType.WITHDRAWN, when));
            }
        }
        Instant now = cursor.plusSeconds(3600L * rnd.nextInt(24 * 250));
        return new Case(seed, ny, imported, rnd.nextBoolean(), List.copyOf(ledger), rules, cal, now);
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, BusinessCalendar.NEW_YORK).toInstant();
    }
}
