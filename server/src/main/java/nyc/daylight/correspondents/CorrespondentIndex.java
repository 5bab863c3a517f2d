package nyc.daylight.correspondents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.core.NewYork;
import org.jooq.DSLContext;

/**
 * What the public may read of the correspondents: counts over rows of records published and
 * listed today (a request hidden or embargoed since publication takes its pages out at once,
 * before the follower catches up), and links to those pages. Nothing else is stored to show:
 * no display names, and a mailbox only as the published page printed it.
 */
public final class CorrespondentIndex {
    public static final int PAGE_SIZE = 25;
    private static final int MAILBOXES = 50;
    private static final int COUNTERPARTS = 30;

    private final DSLContext dsl;
    private final Clock clock;
    private final CorrespondentRepository repo = new CorrespondentRepository();

    public CorrespondentIndex(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public enum Side { FEDERAL, CITY }

    public enum Sort { COUNT, NAME }

    /** Messages in one month; {@code month} null for messages whose block gave no date. */
    public record Month(LocalDate month, int messages) {
        /** "2026-03", the month= parameter that narrows an office's pages to this month; "" when unknown. */
        public String key() {
            return month == null ? "" : java.time.YearMonth.from(month).toString();
        }
    }

    public record Office(String name, String side, int messages, int pages, List<String> domains, List<Month> months) {}

    public record Offices(List<Office> items, int total, int page, int pages) {}

    public record Page(long documentId, int pageNo, String title, String agency, LocalDate month, List<String> roles) {
        public String link() {
            return "/records/" + documentId + "?page=" + pageNo;
        }
    }

    public record Mailbox(String address, int messages) {}

    public record Counterpart(String office, String side, int messages) {}

    public record Detail(Office office, List<Page> pages, int totalPages, int page, int pageCount, List<Mailbox> mailboxes,
            List<Counterpart> counterparts) {}

    public Offices offices(Side side, Sort sort, int page) {
        LocalDate today = today();
        String s = side == null ? null : side.name();
        int total = repo.officeTotal(dsl, today, s);
        List<CorrespondentRepository.OfficeCount> rows = repo.offices(dsl, today, s, null, sort == Sort.NAME, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        return new Offices(withMonths(today, rows), total, page, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** One office with its pages (of one month when asked); empty when no listed page names it. */
    public Optional<Detail> office(Side side, String name, LocalDate month, int page) {
        LocalDate today = today();
        String s = side.name();
        List<CorrespondentRepository.OfficeCount> counts = repo.offices(dsl, today, s, name, true, 0, 1);
        if (counts.isEmpty()) return Optional.empty();
        Office office = withMonths(today, counts).getFirst();
        int total = repo.pageTotal(dsl, today, s, name, month);
        List<Page> pages = repo.pages(dsl, today, s, name, month, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(p -> new Page(p.documentId(), p.pageNo(), p.title(), p.agency(), p.month(), p.roles())).toList();
        List<Mailbox> mailboxes = repo.mailboxes(dsl, today, s, name, MAILBOXES).stream().map(m -> new Mailbox(m.address(), m.messages())).toList();
        List<Counterpart> counterparts = repo.counterparts(dsl, today, s, name, COUNTERPARTS).stream()
                .map(c -> new Counterpart(c.office(), c.side(), c.messages())).toList();
        return Optional.of(new Detail(office, pages, total, page, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE), mailboxes, counterparts));
    }

    private List<Office> withMonths(LocalDate today, List<CorrespondentRepository.OfficeCount> rows) {
        Map<String, List<Month>> months = new LinkedHashMap<>();
        for (CorrespondentRepository.MonthCount m : repo.months(dsl, today, rows.stream().map(CorrespondentRepository.OfficeCount::office).toList())) {
            months.computeIfAbsent(m.side() + " " + m.office(), k -> new ArrayList<>()).add(new Month(m.month(), m.messages()));
        }
        return rows.stream().map(r -> new Office(r.office(), r.side(), r.messages(), r.pages(), r.domains().stream().sorted().toList(),
                months.getOrDefault(r.side() + " " + r.office(), List.of()))).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NewYork.ZONE));
    }
}
