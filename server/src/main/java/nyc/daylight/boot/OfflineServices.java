package nyc.daylight.boot;

import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;
import nyc.daylight.accounts.AccountService;
import nyc.daylight.accounts.Passwords;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.db.Database;
import nyc.daylight.notify.Mailer;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.releases.Publisher;
import nyc.daylight.releases.RecordImporter;
import nyc.daylight.releases.RecordIndexer;
import nyc.daylight.releases.RecordPipeline;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestImporter;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;

/**
 * The parts of the object graph the command line uses without a web server (the first
 * administrator, imports, demo data, reindexing), built once here rather than by each command.
 * Nothing here sends mail or indexes by itself: letters wait in the outbox and published records
 * in the publication log until a running server picks them up.
 */
public final class OfflineServices {
    private final DSLContext dsl;
    private final AppSettings settings;
    private final Clock clock;
    private final AgencyService agencies;

    public OfflineServices(DataSource dataSource, AppSettings settings, Clock clock) {
        this.dsl = Database.dsl(dataSource);
        this.settings = settings;
        this.clock = clock;
        this.agencies = new AgencyService(dsl);
    }

    /** Accounts whose letters are only queued: the server's outbox sends them. */
    public AccountService accounts() {
        return new AccountService(dsl, new Passwords(), new Mailer(() -> { }), agencies, settings.baseUrl());
    }

    public DemoData demoData() {
        return new DemoData(dsl, agencies, new RequestLedger(agencies, clock), clock);
    }

    public RequestImporter requestImporter() {
        return new RequestImporter(dsl, agencies, new RequestLedger(agencies, clock));
    }

    /** Imports through the extraction pipeline; what it publishes, the running server indexes from the log. */
    public RecordImporter recordImporter(Extractor extractor) throws IOException {
        BlobStore blobs = BlobStores.open(settings);
        return new RecordImporter(dsl, agencies, blobs, new RecordPipeline(dsl, blobs, extractor),
                new Publisher(dsl, agencies, blobs, null, clock), clock);
    }

    /** The duplicate-page linker, for {@code daylight records relink}. */
    public nyc.daylight.duplicates.DuplicateLinker duplicateLinker() {
        return new nyc.daylight.duplicates.DuplicateLinker(dsl, new nyc.daylight.db.JobLocks(dsl));
    }

    public RecordIndexer indexer(RecordIndex index) {
        return new RecordIndexer(dsl, index);
    }

    /** The correspondents index, rebuilt with the search index ({@code daylight reindex}). */
    public nyc.daylight.correspondents.CorrespondentFollower correspondents() {
        return new nyc.daylight.correspondents.CorrespondentFollower(dsl);
    }
}
