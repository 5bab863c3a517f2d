package nyc.daylight.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import nyc.daylight.alerts.SavedSearch.Frequency;
import nyc.daylight.alerts.SavedSearch.Kind;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NewYork;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.db.ServerSecrets;
import nyc.daylight.records.index.BadQueryException;
import nyc.daylight.releases.RecordLibrary;
import org.jooq.DSLContext;

/**
 * A person's saved searches: saving, renaming, how often to e-mail, deleting, and unsubscribing
 * from a link. Each search belongs to one account; anyone else asking about it is told it does
 * not exist (404), so ids reveal nothing. No Javalin here.
 */
public final class SavedSearches {
    /** Enough for every beat a person follows; more is a script. */
    static final int MAX_PER_PERSON = 50;
    private final DSLContext dsl;
    private final RecordLibrary library;
    private final Clock clock;
    private final UnsubscribeTokens tokens;
    private final AlertRepository repo = new AlertRepository();

    public SavedSearches(DSLContext dsl, RecordLibrary library, Clock clock) {
        this.dsl = dsl;
        this.library = library;
        this.clock = clock;
        this.tokens = tokens(dsl);
    }

    static UnsubscribeTokens tokens(DSLContext dsl) {
        return new UnsubscribeTokens(() -> new ServerSecrets(dsl).get(UnsubscribeTokens.SECRET));
    }

    /** A saved search as its owner's page shows it. */
    public record Listed(long id, String name, String kind, String frequency, String path, String feedPath) {
        static Listed of(SavedSearch s) {
            return new Listed(s.id(), s.name(), s.kind().name(), s.frequency().name(), s.path(), s.feedPath());
        }
    }

    /**
     * Saves the search the form describes. Only what is published or filed from now on is news:
     * a records search starts after the publication log's last entry, a requests search now.
     */
    public long save(User user, String kind, Function<String, String> param, String name, String frequency) {
        Kind k = kind(kind);
        Frequency f = frequency(frequency);
        String query = SavedQuery.canonical(k, param);
        if (k == Kind.RECORDS) {
            try {
                library.validate(SavedQuery.parse(query).get("q"));
            } catch (BadQueryException e) {
                throw BadInput.of("q", "refusal.search." + e.reason().name(), e.detail());
            }
        }
        String named = name(name, SavedQuery.defaultName(query));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return dsl.transactionResult(t -> {
            if (repo.countOf(t.dsl(), user.id()) >= MAX_PER_PERSON) throw BadInput.of("name", "alerts.error.tooMany", MAX_PER_PERSON);
            return repo.insert(t.dsl(), user.id(), k, named, query, f, repo.lastPublication(t.dsl()), now, today());
        });
    }

    public List<Listed> mine(User user) {
        return repo.mine(dsl, user.id()).stream().map(Listed::of).toList();
    }

    public Listed one(User user, long id) {
        return Listed.of(owned(dsl, user, id));
    }

    /** Renames and sets how often; turning e-mail back on starts afresh from now. */
    public void update(User user, long id, String name, String frequency) {
        dsl.transaction(t -> {
            // Whose it is first: someone else's search is "not found", whatever the form says.
            SavedSearch s = owned(t.dsl(), user, id);
            Frequency f = frequency(frequency);
            repo.rename(t.dsl(), id, name(name, s.name()));
            if (f == s.frequency()) return;
            if (s.frequency() == Frequency.NONE) repo.restart(t.dsl(), id, repo.lastPublication(t.dsl()), OffsetDateTime.now(clock), today());
            repo.setFrequency(t.dsl(), id, f);
        });
    }

    public void delete(User user, long id) {
        dsl.transaction(t -> {
            owned(t.dsl(), user, id);
            repo.delete(t.dsl(), id);
        });
    }

    /** The search an unsubscribe link names, if the link is genuine and the search still exists. */
    public Optional<Listed> byToken(String token) {
        OptionalLong id = tokens.verify(token);
        if (id.isEmpty()) return Optional.empty();
        return repo.find(dsl, id.getAsLong()).map(Listed::of);
    }

    /** Stops the e-mail of the search the link names; the search itself stays on its owner's page. */
    public Listed unsubscribe(String token) {
        OptionalLong id = tokens.verify(token);
        if (id.isEmpty()) throw NotFound.of("alerts.unsubscribe.invalid");
        return dsl.transactionResult(t -> {
            SavedSearch s = repo.find(t.dsl(), id.getAsLong()).orElseThrow(() -> NotFound.of("alerts.unsubscribe.invalid"));
            repo.setFrequency(t.dsl(), s.id(), Frequency.NONE);
            return Listed.of(s);
        });
    }

    private SavedSearch owned(DSLContext tx, User user, long id) {
        return repo.find(tx, id).filter(s -> s.userId() == user.id()).orElseThrow(() -> NotFound.of("alerts.notFound"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NewYork.ZONE));
    }

    private static String name(String given, String fallback) {
        String n = Text.blankToNull(given);
        if (n == null) return fallback;
        n = n.strip();
        if (n.length() > 120) throw BadInput.of("name", "alerts.error.nameTooLong");
        return n;
    }

    private static Kind kind(String v) {
        try {
            return Kind.valueOf(v == null ? "" : v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadInput.of("kind", "alerts.error.kind");
        }
    }

    private static Frequency frequency(String v) {
        try {
            return Frequency.valueOf(v == null ? "" : v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadInput.of("frequency", "alerts.error.frequency");
        }
    }
}
