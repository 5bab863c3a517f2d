package nyc.daylight.requests;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import org.jooq.DSLContext;

/**
 * A clearly labelled synthetic dataset for a first look: a few hundred requests over the past
 * 24 months, some agencies prompt and some chronically late, with extensions, denials citing
 * exemptions and appeals. Only ever written into a database with no requests of its own; after
 * that the site carries a "demo data" banner on every page.
 */
public final class DemoData {
    public static final String FLAG = "demo";
    private static final String[] TITLES = {
            "E-mails with ICE about release dates", "Detainer requests received and honored", "Requests for notification from ICE",
            "Joint task force agreements with HSI", "Database alerts set for federal agents", "Training on sanctuary laws",
            "Visits by ICE agents to city facilities", "Data shared from IDNYC", "Vendor contracts with law-enforcement access clauses",
            "Communications about people released from Rikers Island"};

    /** Promptness per agency: chance of acknowledging in time, of deciding in time, of denying. */
    private record Profile(double ackOnTime, double decideOnTime, double deny) {}

    private static final Map<String, Profile> PROFILES = Map.of(
            "doc", new Profile(0.35, 0.2, 0.5), "nypd", new Profile(0.5, 0.3, 0.45), "probation", new Profile(0.9, 0.8, 0.2),
            "moia", new Profile(0.95, 0.9, 0.1), "doi", new Profile(0.85, 0.75, 0.3), "ice", new Profile(0.5, 0.15, 0.6),
            "dhs", new Profile(0.5, 0.25, 0.5));

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Clock clock;
    private final FilingRepository filings = new FilingRepository();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final SeedRepository seeds = new SeedRepository();

    public DemoData(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.clock = clock;
    }

    public static boolean isDemo(DSLContext dsl) {
        return new SeedRepository().flagged(dsl, FLAG);
    }

    /**
     * Fills an empty database; does nothing on a demo database already filled; refuses a database
     * with real requests. Returns how many requests were created.
     */
    public int fill(int count) {
        if (isDemo(dsl)) return 0;
        if (seeds.anyRequests(dsl)) {
            throw new IllegalStateException("This database already has requests; demo data is only ever added to an empty one.");
        }
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        List<Agency> all = agencies.all();
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            seeds.flag(t, FLAG, "synthetic data");
            long[] requesters = new long[5];
            for (int i = 0; i < requesters.length; i++) {
                requesters[i] = seeds.insertUser(t, "demo.requester" + (i + 1) + "@example.org", "Demo requester " + (i + 1));
            }
            for (int i = 0; i < count; i++) {
                Agency agency = all.get(random.nextInt(all.size()));
                Profile p = PROFILES.getOrDefault(agency.slug(), new Profile(0.85, 0.75, 0.3));
                LocalDate received = today.minusDays(1 + random.nextInt(730));
                while (received.getDayOfWeek() == DayOfWeek.SATURDAY || received.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    received = received.minusDays(1);
                }
                long id = create(t, agency, p, requesters[random.nextInt(requesters.length)], received, today, random);
                ledger.refresh(t, id, agency);
            }
        });
        return count;
    }

    /** Writes one request and as much of its history as has happened by today; returns its id. */
    private long create(DSLContext t, Agency agency, Profile p, long requester, LocalDate received, LocalDate today, Random random) {
        BusinessCalendar cal = agencies.calendarFor(agency);
        boolean ny = agency.regime() == Regime.NY_FOIL;
        String number = "DL-" + received.getYear() + "-" + String.format("%06d", filings.nextNumber(t));
        long id = filings.insertRequest(t, new NewRequest(number, agency.id(), requester,
                "[Demo] " + TITLES[random.nextInt(TITLES.length)],
                "Synthetic demo request. All records of communications between " + agency.name()
                        + " and U.S. Immigration and Customs Enforcement on this subject.",
                at(received, 10 + random.nextInt(6)), "ICE", "(demo data: no letter was sent)", null, null));
        ledgers.appendEvent(t, id, EventType.SUBMITTED, at(received, 11), requester, null, null, null);

        LocalDate ack = cal.addBusinessDays(received, random.nextDouble() < p.ackOnTime() ? 1 + random.nextInt(4) : 6 + random.nextInt(10));
        if (ack.isAfter(today)) return id;
        LocalDate approx = cal.addBusinessDays(ack, 10 + random.nextInt(10));
        if (ny || random.nextBoolean()) ledgers.appendEvent(t, id, EventType.ACKNOWLEDGED, at(ack, 14), null, approx, null, null);
        LocalDate due = ny ? approx : cal.addBusinessDays(received, 20);
        if (random.nextDouble() < 0.25) {
            LocalDate extendedOn = cal.addBusinessDays(ack, 3 + random.nextInt(8));
            LocalDate newDue = cal.addBusinessDays(due, 10 + random.nextInt(20));
            if (!extendedOn.isAfter(today)) {
                ledgers.appendEvent(t, id, EventType.EXTENDED, at(extendedOn, 15), null, newDue, "Large volume of e-mail to review", null);
                due = newDue;
            }
        }
        LocalDate decided = random.nextDouble() < p.decideOnTime()
                ? cal.addBusinessDays(ack, Math.max(1, cal.businessDaysBetween(ack, due) - random.nextInt(5)))
                : cal.addBusinessDays(due, 5 + random.nextInt(80));
        if (decided.isAfter(today)) return id;
        double roll = random.nextDouble();
        EventType outcome = roll < p.deny() * 0.6 ? EventType.DENIED : roll < p.deny() ? EventType.PARTIALLY_GRANTED
                : roll < p.deny() + 0.1 ? EventType.NO_RECORDS : EventType.GRANTED;
        String data = null;
        if (outcome == EventType.DENIED || outcome == EventType.PARTIALLY_GRANTED) {
            String[] codes = ny ? new String[] {"87(2)(e)", "87(2)(b)", "87(2)(g)", "87(2)(f)"} : new String[] {"552(b)(7)", "552(b)(6)", "552(b)(5)"};
            data = "{\"exemptions\":[\"" + codes[random.nextInt(codes.length)] + "\"]}";
        }
        ledgers.appendEvent(t, id, outcome, at(decided, 16), null, null, null, "(demo determination)", data);
        if (data != null && random.nextDouble() < 0.35) {
            LocalDate appealed = decided.plusDays(3 + random.nextInt(20));
            if (!appealed.isAfter(today)) {
                ledgers.appendEvent(t, id, EventType.APPEALED, at(appealed, 12), requester, null, null, "(demo appeal)");
                LocalDate appealDecided = cal.addBusinessDays(appealed, 3 + random.nextInt(15));
                if (!appealDecided.isAfter(today)) {
                    EventType[] outcomes = {EventType.APPEAL_DENIED, EventType.APPEAL_DENIED, EventType.APPEAL_GRANTED, EventType.APPEAL_PARTLY_GRANTED};
                    ledgers.appendEvent(t, id, outcomes[random.nextInt(outcomes.length)], at(appealDecided, 15), null, null, null, "(demo)");
                }
            }
        }
        return id;
    }

    private static OffsetDateTime at(LocalDate d, int hour) {
        return d.atTime(LocalTime.of(hour, 0)).atZone(BusinessCalendar.NEW_YORK).toOffsetDateTime();
    }
}
