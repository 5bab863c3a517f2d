package nyc.daylight.court;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.requests.RequestService;
import nyc.daylight.requests.RequestView;

/**
 * Builds a request's Article 78 exhibit bundle for a viewer. The public copy is the public page's
 * record (names the requester chose to hide stay hidden, reviewed replies as published); only the
 * requester may ask for their own full copy. A request with no denial yet ({@link RequestView#denied}, the rule the page offers it by) has no bundle.
 */
public final class Article78Bundles {
    private final RequestService requests;
    private final AgencyService agencies;
    private final Clock clock;
    private final String baseUrl;

    public Article78Bundles(RequestService requests, AgencyService agencies, Clock clock, String baseUrl) {
        this.requests = requests;
        this.agencies = agencies;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The bundle's PDF; a 404 for a request the viewer cannot see, a full copy for anyone but its requester, or no denial yet. */
    byte[] pdf(String number, Optional<User> viewer, boolean fullCopy, Locale locale) {
        RequestView view = (fullCopy
                ? requests.view(number, viewer).filter(RequestView::owner)
                : requests.view(number, Optional.empty()))
                .orElseThrow(() -> NotFound.of(fullCopy ? "refusal.request.notYours" : "refusal.request.notPublic"));
        if (!view.denied()) throw NotFound.of("refusal.a78.notYet");
        Exhibits exhibits = Exhibits.of(view, agencies.calendarFor(view.agency()));
        LocalDate today = clock.instant().atZone(BusinessCalendar.NEW_YORK).toLocalDate();
        return ExhibitPdf.write(exhibits, locale, today, baseUrl + "/requests/" + view.number(), fullCopy);
    }
}
