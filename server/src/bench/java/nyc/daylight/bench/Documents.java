package nyc.daylight.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import nyc.daylight.records.index.PublishedDocument;

/**
 * Released records made up from real prose, deterministic from a seed: document {@code n} is the
 * same in every run and every consumer (Lucene, PostgreSQL, PDFs) whatever order they read it in.
 * Memos (55%) and e-mails (30%) are State of the Union sentences with a share of agency sentences
 * mixed in (one in 40 in memos, one in 10 in e-mails); detainer logs (15%) are rows of booking
 * numbers, dates, facility codes, form numbers and A-numbers. So the query words are neither
 * everywhere nor rare: "detainer" is on about one page in five.
 */
final class Documents {
    static final List<String> AGENCIES = List.of("doc", "nypd", "probation", "acs", "dss", "hhc", "moia", "doe", "law",
            "doi", "mayor", "nycem", "oti", "ice", "dhs");
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2026, 6, 30).toEpochDay() - FIRST.toEpochDay());
    private static final String[] FACILITIES = {"AMKC", "EMTC", "GRVC", "OBCC", "RNDC", "VCBC", "RMSC", "NIC", "BKDC", "MDC"};
    private static final String[] FORMS = {"I-247A", "I-247A", "I-247A", "I-247D", "I-247N", "I-200", "I-205", "I-203"};
    private static final String[] STATUSES = {"declined - no judicial warrant", "honored", "notification sent", "pending review",
            "released to court", "transferred to state custody", "declined - release date passed", "withdrawn by ICE"};
    private static final String[] PEOPLE = {"ero.nyc@ice.dhs.gov", "liaison@doc.nyc.gov", "records@nypd.org", "foil@law.nyc.gov",
            "press@cityhall.nyc.gov", "legal@probation.nyc.gov", "hsi.newyork@ice.dhs.gov", "counsel@moia.nyc.gov",
            "intake@dss.nyc.gov", "ops@nycem.nyc.gov"};
    private static final String[] TOPICS = {"detainer requests received this week", "release date notification",
            "administrative warrants and Local Law 58", "ERO visit to Rikers Island", "request for booking information",
            "court appearance schedule", "deportation case follow-up", "hashtag used in staff posts", "FOIL response",
            "data sharing with HSI", "interview requests at facilities", "transfer to state custody"};
    /** Sentences an agency record would have; {} is replaced by a value that varies. */
    private static final String[] AGENCY_SENTENCES = {
            "ICE sent a detainer (Form I-247A) for the person held at {fac}; the department declined it because no judicial warrant was attached.",
            "Please confirm the release date so that ERO officers can be present at the facility.",
            "The detainer request was received by fax on {date} and logged by the records unit.",
            "An administrative warrant (Form I-200) is not a court order and does not authorize continued detention.",
            "Under Local Law 58 of 2014 the department may honor a detainer only when a judge has signed a warrant.",
            "The individual was released from custody on {date} after the criminal court dismissed the case.",
            "ERO asked whether the person could be held past the release date; the liaison answered that it could not.",
            "Deportation officers requested booking information and the next scheduled court date.",
            "A-number {anum} appears on the detainer; the name has been withheld under section 87(2)(b).",
            "The liaison forwarded the notification request to the legal division for review.",
            "The warrant of removal (Form I-205) was signed by an immigration officer, not by a judge.",
            "Staff were reminded that ICE agents may not enter city facilities without a judicial warrant.",
            "A staff post with the hashtag #teamsendthemback was referred to the investigations unit.",
            "Records responsive to FOIL request {req} are attached.",
            "According to a later e-mail from ERO New York, the person was deported on {date}.",
            "The attached log summarizes detainers received and honored in calendar year {year}.",
            "Please treat the release date as confidential until the court has ruled.",
            "The deportation case was closed after the immigration judge granted relief.",
            "ICE asked for fingerprints and a photograph; the request was declined without a warrant.",
            "The facility received {n} detainers this month and honored none of them."};

    private final List<String> sentences;
    private final long seed;

    Documents(List<String> sentences, long seed) {
        if (sentences.isEmpty()) throw new IllegalArgumentException("no sentences");
        this.sentences = sentences;
        this.seed = seed;
    }

    /** Documents 1, 2, ... until exactly {@code totalPages} pages (the last one is cut short if need be). */
    Iterator<PublishedDocument> upTo(int totalPages) {
        return new Iterator<>() {
            long next = 1;
            int left = totalPages;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public PublishedDocument next() {
                if (left <= 0) throw new NoSuchElementException();
                PublishedDocument d = document(next++, left);
                left -= d.pages().size();
                return d;
            }
        };
    }

    /** Document {@code id} with at most {@code maxPages} pages. */
    PublishedDocument document(long id, int maxPages) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        String agency = AGENCIES.get(r.nextInt(AGENCIES.size()));
        int k = r.nextInt(20);
        String kind = k < 11 ? "pdf" : k < 17 ? "email" : "spreadsheet";
        int pageCount = Math.min(maxPages, 1 + r.nextInt(8));
        LocalDate date = FIRST.plusDays(r.nextInt(DAYS));
        String request = r.nextInt(5) == 0 ? null : requestNumber(r, date.getYear());
        String topic = TOPICS[r.nextInt(TOPICS.length)];
        Map<String, String> fields = new LinkedHashMap<>();
        String title;
        List<String> pages = new ArrayList<>(pageCount);
        switch (kind) {
            case "email" -> {
                String from = PEOPLE[r.nextInt(PEOPLE.length)];
                String to = PEOPLE[r.nextInt(PEOPLE.length)];
                String cc = PEOPLE[r.nextInt(PEOPLE.length)];
                String subject = (r.nextBoolean() ? "RE: " : "") + capitalize(topic);
                fields.put("from", from);
                fields.put("to", to);
                fields.put("cc", cc);
                fields.put("subject", subject);
                title = subject;
                for (int p = 1; p <= pageCount; p++) pages.add(emailPage(r, p, from, to, cc, subject, date, request));
            }
            case "spreadsheet" -> {
                String facility = FACILITIES[r.nextInt(FACILITIES.length)];
                title = "Detainer log, " + facility + ", " + date.getMonth().toString().charAt(0)
                        + date.getMonth().toString().substring(1).toLowerCase(java.util.Locale.ROOT) + " " + date.getYear();
                for (int p = 1; p <= pageCount; p++) pages.add(logPage(r, p, pageCount, facility, date, request));
            }
            default -> {
                title = "Memorandum: " + topic;
                for (int p = 1; p <= pageCount; p++) pages.add(memoPage(r, p, pageCount, agency, topic, date, request));
            }
        }
        return new PublishedDocument(id, title, agency, request, date, kind, fields, pages);
    }

    private static String requestNumber(SplittableRandom r, int year) {
        return String.format("DL-%d-%06d", year, 1 + r.nextInt(3000));
    }

    private static int target(SplittableRandom r) {
        return 1500 + r.nextInt(1501);
    }

    private String memoPage(SplittableRandom r, int page, int pages, String agency, String topic, LocalDate date, String request) {
        StringBuilder b = new StringBuilder(3200);
        if (page == 1) {
            b.append("MEMORANDUM\nTO: Commissioner, ").append(agency.toUpperCase(java.util.Locale.ROOT))
                    .append("\nFROM: Office of the General Counsel\nDATE: ").append(date)
                    .append("\nRE: ").append(capitalize(topic)).append("\n\n");
        }
        prose(r, b, target(r), 40);
        footer(b, page, pages, request);
        return b.toString();
    }

    private String emailPage(SplittableRandom r, int page, String from, String to, String cc, String subject, LocalDate date,
                             String request) {
        StringBuilder b = new StringBuilder(3200);
        if (page == 1) {
            b.append("From: ").append(from).append("\nTo: ").append(to).append("\nCc: ").append(cc)
                    .append("\nSent: ").append(date).append(' ').append(String.format("%02d:%02d", 7 + r.nextInt(12), r.nextInt(60)))
                    .append("\nSubject: ").append(subject).append("\n\nGood morning,\n\n");
        } else if (r.nextInt(3) == 0) {
            b.append("-----Original Message-----\nFrom: ").append(to).append("\nSent: ").append(date.minusDays(1 + r.nextInt(5)))
                    .append("\nTo: ").append(from).append("\nSubject: ").append(subject).append("\n\n");
        }
        prose(r, b, target(r) - 60, 10);
        b.append("\n\nThank you,\n").append(from, 0, from.indexOf('@'));
        if (request != null && r.nextInt(4) == 0) b.append("\nReleased in response to ").append(request);
        return b.toString();
    }

    private static String logPage(SplittableRandom r, int page, int pages, String facility, LocalDate date, String request) {
        StringBuilder b = new StringBuilder(3200);
        b.append("ICE REQUESTS LOG - ").append(facility).append(" - page ").append(page).append(" of ").append(pages)
                .append("\nBooking No. | Received | Facility | Form | A-Number | Release date | Status\n");
        int t = target(r);
        while (b.length() < t) {
            LocalDate received = date.minusDays(r.nextInt(60));
            b.append("BK").append(String.format("%09d", r.nextInt(1_000_000_000))).append(" | ").append(received)
                    .append(" | ").append(r.nextInt(4) == 0 ? FACILITIES[r.nextInt(FACILITIES.length)] : facility)
                    .append(" | ").append(FORMS[r.nextInt(FORMS.length)])
                    .append(" | A0").append(String.format("%08d", r.nextInt(100_000_000)))
                    .append(" | ").append(received.plusDays(1 + r.nextInt(120)))
                    .append(" | ").append(STATUSES[r.nextInt(STATUSES.length)]);
            if (r.nextInt(150) == 0) b.append(" | note: #teamsendthemback");
            b.append('\n');
        }
        if (request != null) b.append("Produced for ").append(request);
        return b.toString();
    }

    /** Paragraphs of sentences until {@code length}: SOTU prose with one agency sentence in {@code oneIn}. */
    private void prose(SplittableRandom r, StringBuilder b, int length, int oneIn) {
        int start = b.length();
        int inParagraph = 0;
        while (b.length() - start < length) {
            if (r.nextInt(oneIn) == 0) b.append(agencySentence(r));
            else b.append(sentences.get(r.nextInt(sentences.size())));
            if (++inParagraph >= 4 + r.nextInt(3)) {
                b.append("\n\n");
                inParagraph = 0;
            } else {
                b.append(' ');
            }
        }
    }

    private static String agencySentence(SplittableRandom r) {
        String s = AGENCY_SENTENCES[r.nextInt(AGENCY_SENTENCES.length)];
        if (s.indexOf('{') < 0) return s;
        LocalDate d = FIRST.plusDays(r.nextInt(DAYS));
        return s.replace("{fac}", FACILITIES[r.nextInt(FACILITIES.length)])
                .replace("{date}", d.toString())
                .replace("{anum}", "A0" + String.format("%08d", r.nextInt(100_000_000)))
                .replace("{req}", requestNumber(r, d.getYear()))
                .replace("{year}", Integer.toString(d.getYear()))
                .replace("{n}", Integer.toString(2 + r.nextInt(40)));
    }

    private static void footer(StringBuilder b, int page, int pages, String request) {
        b.append("\nPage ").append(page).append(" of ").append(pages);
        if (request != null) b.append(" - released under FOIL request ").append(request);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
