package nyc.daylight.requests;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Progress;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

/**
 * Loads an agency's past FOIL log (CSV) as requests with their events, marked as imported with
 * their source, so scorecards reach back before Daylight. Every row is checked first; if any row
 * is bad, nothing is imported and every problem is reported with its line number.
 */
public final class RequestImporter {
    public static final String IMPORT_USER = "imports@daylight.invalid";
    private static final LocalTime NOON = LocalTime.NOON;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final FilingRepository filings = new FilingRepository();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final SeedRepository seeds = new SeedRepository();

    public RequestImporter(DSLContext dsl, AgencyService agencies, RequestLedger ledger) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
    }

    /** A row that cannot be imported, and why. */
    public record Problem(long line, String message) {}

    public record Result(int imported, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    record Row(long line, String number, String title, LocalDate received, LocalDate acknowledged, LocalDate approximate,
               LocalDate determined, EventType outcome, List<String> exemptions, LocalDate appealed, LocalDate appealDecided,
               EventType appealOutcome) {}

    public Result importCsv(Reader csv, String agencySlug, String source) throws IOException {
        return importCsv(csv, agencySlug, source, Progress.NONE);
    }

    /** The same, telling {@code progress} of each row written (all in one transaction: stopping midway would keep none). */
    public Result importCsv(Reader csv, String agencySlug, String source, Progress progress) throws IOException {
        Agency agency = agencies.find(agencySlug).orElse(null);
        if (agency == null) return new Result(0, List.of(new Problem(0, "There is no agency named '" + agencySlug + "'.")));
        if (source == null || source.isBlank()) return new Result(0, List.of(new Problem(0, "Say where the log came from (--source).")));
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            for (String required : List.of("request_number", "received_date")) {
                if (!parser.getHeaderMap().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().contains(required)) {
                    return new Result(0, List.of(new Problem(1, "The header has no '" + required + "' column.")));
                }
            }
            for (CSVRecord r : parser) {
                try {
                    rows.add(row(r, agency));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(r.getRecordNumber() + 1, e.getMessage()));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            return new Result(0, List.of(new Problem(0, "The file is not valid CSV: " + e.getMessage())));
        }
        if (rows.isEmpty() && problems.isEmpty()) problems.add(new Problem(0, "The file has no rows."));
        if (!problems.isEmpty()) return new Result(0, problems);
        dsl.transaction(tx -> {
            long importer = seeds.userByEmail(tx.dsl(), IMPORT_USER, "Imported FOIL log");
            progress.start("rows", rows.size());
            for (Row row : rows) {
                write(tx.dsl(), agency, importer, row, source.strip());
                progress.advance(1);
            }
        });
        return new Result(rows.size(), List.of());
    }

    private static Row row(CSVRecord r, Agency agency) {
        String number = get(r, "request_number");
        if (number == null) throw new IllegalArgumentException("request_number is empty.");
        LocalDate received = date(r, "received_date");
        if (received == null) throw new IllegalArgumentException("received_date is empty.");
        if (received.getYear() < BusinessCalendar.FIRST_YEAR) throw new IllegalArgumentException("received_date is before 2015.");
        LocalDate ack = date(r, "acknowledged_date");
        LocalDate approx = date(r, "approximate_date");
        LocalDate determined = date(r, "determination_date");
        EventType outcome = outcome(get(r, "outcome"), EventType.DETERMINATIONS, "outcome");
        if (outcome == null && "WITHDRAWN".equalsIgnoreCase(get(r, "outcome"))) outcome = EventType.WITHDRAWN;
        if (determined != null && outcome == null) throw new IllegalArgumentException("determination_date needs an outcome.");
        if (outcome != null && determined == null) throw new IllegalArgumentException("outcome needs a determination_date.");
        List<String> exemptions = new ArrayList<>();
        String ex = get(r, "exemptions");
        if (ex != null) for (String e : ex.split(";")) if (!e.isBlank()) exemptions.add(e.strip().replace("§", ""));
        LocalDate appealed = date(r, "appeal_date");
        LocalDate appealDecided = date(r, "appeal_decision_date");
        EventType appealOutcome = outcome(get(r, "appeal_outcome"), EventType.APPEAL_DECISIONS, "appeal_outcome");
        if (appealDecided != null && appealOutcome == null) throw new IllegalArgumentException("appeal_decision_date needs an appeal_outcome.");
        if (appealDecided != null && appealed == null) throw new IllegalArgumentException("appeal_decision_date without an appeal_date.");
        for (LocalDate d : new LocalDate[] {ack, determined, appealed, appealDecided}) {
            if (d != null && d.isBefore(received)) throw new IllegalArgumentException("A date is before received_date.");
        }
        if (appealed != null && determined != null && appealed.isBefore(determined)) {
            throw new IllegalArgumentException("appeal_date is before determination_date.");
        }
        String title = get(r, "title");
        return new Row(r.getRecordNumber() + 1, number, title == null ? "Imported request " + number : title,
                received, ack, approx, determined, outcome, exemptions, appealed, appealDecided, appealOutcome);
    }

    private void write(DSLContext tx, Agency agency, long importer, Row row, String source) {
        String number = "DL-" + row.received().getYear() + "-" + String.format("%06d", filings.nextNumber(tx));
        String title = row.title().length() > 300 ? row.title().substring(0, 300) : row.title();
        long id = filings.insertRequest(tx, new NewRequest(number, agency.id(), importer, title,
                "Imported from " + source + " (agency number " + row.number() + ").", at(row.received()), "ICE", null,
                null, new NewRequest.Imported(source, row.number())));
        ledgers.appendEvent(tx, id, EventType.SUBMITTED, at(row.received()), null, null, null, null);
        if (row.acknowledged() != null) {
            ledgers.appendEvent(tx, id, EventType.ACKNOWLEDGED, at(row.acknowledged()), null, row.approximate(), null, null);
        }
        if (row.determined() != null) {
            String data = row.exemptions().isEmpty() ? null
                    : "{\"exemptions\":[" + String.join(",", row.exemptions().stream().map(e -> "\"" + e.replace("\"", "") + "\"").toList()) + "]}";
            ledgers.appendEvent(tx, id, row.outcome(), at(row.determined()), null, null, null, null, data);
        }
        if (row.appealed() != null) ledgers.appendEvent(tx, id, EventType.APPEALED, at(row.appealed()), null, null, null, null);
        if (row.appealDecided() != null) ledgers.appendEvent(tx, id, row.appealOutcome(), at(row.appealDecided()), null, null, null, null);
        ledger.refresh(tx, id, agency);
    }

    private static OffsetDateTime at(LocalDate d) {
        return d.atTime(NOON).atZone(BusinessCalendar.NEW_YORK).toOffsetDateTime();
    }

    private static String get(CSVRecord r, String column) {
        Map<String, String> m = r.toMap();
        for (var e : m.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) return e.getValue() == null || e.getValue().isBlank() ? null : e.getValue().strip();
        }
        return null;
    }

    private static LocalDate date(CSVRecord r, String column) {
        String v = get(r, column);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a date (YYYY-MM-DD).");
        }
    }

    private static EventType outcome(String v, java.util.Set<EventType> allowed, String column) {
        if (v == null) return null;
        try {
            EventType t = EventType.valueOf(v.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
            if (allowed.contains(t)) return t;
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (column.equals("outcome") && v.equalsIgnoreCase("WITHDRAWN")) return null;
        throw new IllegalArgumentException(column + " '" + v + "' is not one of " + allowed + ".");
    }
}
