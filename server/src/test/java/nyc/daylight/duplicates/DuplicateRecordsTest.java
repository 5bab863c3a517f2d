package nyc.daylight.duplicates;

import static nyc.daylight.sql.jooq.Tables.PAGE_LINKS;
import static nyc.daylight.sql.jooq.Tables.PAGE_SIGNATURES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.SHINGLE_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same e-mail released by NYPD and by the Law Department, redacted differently, and a third
 * copy still in review at DOC: the two published copies are linked and compared (each side showing
 * what the other withheld, with the withholding agency's exemption), the copy in review is never
 * linked and none of its words reach a page or the API, and a withdrawal takes the link down.
 * The whole portal: PostgreSQL, the Lucene index, the publication log and its followers.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateRecordsTest {
    static final String ICE_OFFICER = "Garcia, Ana";
    static final String ICE_MAIL = "ana.garcia@ice.dhs.gov";
    static final String PRECINCT = "44th precinct";
    /** Only in the copy still in review: it must appear nowhere public. */
    static final String IN_REVIEW_ONLY = "Bluebird";

    static final String EMAIL = String.join("\n",
            "Printed copy of an e-mail message",
            "From: Smith, John (NYPD) <jsmith@nypd.org>",
            "Sent: Tuesday, March 3, 2026 4:12 PM",
            "To: " + ICE_OFFICER + " <" + ICE_MAIL + ">",
            "Subject: RE: Detainer request 26-0411",
            "",
            "Ana, following up on our call this morning regarding",
            "the individual held at the " + PRECINCT + ". We received",
            "the I-247A form at 10:40 and forwarded it to the desk",
            "officer. Per department policy we will not hold him past",
            "his arraignment. Please route any further requests",
            "through the Legal Bureau so they can be logged.",
            "Thanks, John");

    TestDatabase db;
    Portal portal;
    WebClient owner;
    WebClient nypd;
    WebClient law;
    WebClient doc;
    WebClient public_;
    String nypdNumber;
    String lawNumber;
    TwoReleases releases;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        releases = new TwoReleases(db);
        portal = new Portal(db, Instant.parse("2026-03-09T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
        People.officer(db.dsl(), "rao@law.test", "law", true);
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        owner = portal.as("owner@example.org");
        nypd = portal.as("rao@nypd.test");
        law = portal.as("rao@law.test");
        doc = portal.as("rao@doc.test");
        public_ = new WebClient(portal.app);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    @Test
    void two_agencies_releases_of_one_email_are_linked_and_compared_and_the_copy_in_review_never_appears() throws Exception {
        List<String> numbers = owner.fileRequest("ICE detainer e-mails", "law", "nypd");
        lawNumber = numbers.get(0);
        nypdNumber = numbers.get(1);
        String docNumber = owner.fileRequest("ICE detainer e-mails at DOC", "doc").getFirst();

        // DOC's copy stays in review: unredacted, with words of its own.
        long inReview = releases.release(doc, "doc", docNumber, EMAIL + "\nP.S. Codename " + IN_REVIEW_ONLY + " for the transfer list.");
        // NYPD withheld the ICE officer's name and address; the Law Department withheld the precinct.
        long fromNypd = releases.release(nypd, "nypd", nypdNumber, EMAIL);
        releases.redactAndPublish(nypd, "nypd", fromNypd, new LinkedHashMap<>(Map.of(ICE_OFFICER, "87(2)(b)", ICE_MAIL, "87(2)(b)")));
        long fromLaw = releases.release(law, "law", lawNumber, EMAIL);
        releases.redactAndPublish(law, "law", fromLaw, Map.of(PRECINCT, "87(2)(e)"));

        // Linked (both directions), right after the second publication.
        assertThat(db.dsl().fetchCount(PAGE_LINKS, PAGE_LINKS.DOCUMENT_ID.eq(fromNypd).and(PAGE_LINKS.OTHER_DOCUMENT_ID.eq(fromLaw))))
                .isEqualTo(1);
        assertThat(db.dsl().fetchCount(PAGE_LINKS, PAGE_LINKS.DOCUMENT_ID.eq(fromLaw).and(PAGE_LINKS.OTHER_DOCUMENT_ID.eq(fromNypd))))
                .isEqualTo(1);
        // The copy in review has no signature and no link: its text took no part.
        assertThat(db.dsl().fetchCount(PAGE_SIGNATURES, PAGE_SIGNATURES.DOCUMENT_ID.eq(inReview))).isZero();
        assertThat(db.dsl().fetchCount(PAGE_LINKS, PAGE_LINKS.DOCUMENT_ID.eq(inReview).or(PAGE_LINKS.OTHER_DOCUMENT_ID.eq(inReview))))
                .isZero();

        // The record page names the other release.
        String viewer = public_.get("/records/" + fromNypd).body();
        assertThat(viewer).contains("Also released by Law Department in " + lawNumber + ", page 1")
                .contains("/records/" + fromNypd + "/compare?page=1&amp;with=" + fromLaw + "&amp;withPage=1");
        assertThat(public_.get("/records/" + fromLaw).body()).contains("Also released by Police Department in " + nypdNumber + ", page 1");

        // The difference view: what each withheld, released by the other, with the withholding agency's ground.
        HttpResponse<String> compare = public_.get("/records/" + fromNypd + "/compare?page=1&with=" + fromLaw + "&withPage=1");
        assertThat(compare.statusCode()).isEqualTo(200);
        String diff = compare.body();
        String differences = diff.substring(diff.indexOf("data-testid=\"differences\""), diff.indexOf("</section>", diff.indexOf("data-testid=\"differences\"")));
        assertThat(differences).contains("withheld by Police Department, released by Law Department")
                .contains(ICE_MAIL).contains("Public Officers Law §87(2)(b)")
                .contains("withheld by Law Department, released by Police Department")
                .contains(PRECINCT).contains("Public Officers Law §87(2)(e)");
        assertThat(diff).contains("<h3").contains("<dl class=\"facts\">");
        // In Spanish too.
        WebClient spanish = new WebClient(portal.app).header("Accept-Language", "es");
        assertThat(spanish.get("/records/" + fromNypd).body()).contains("También divulgado por Law Department en " + lawNumber + ", página 1");
        assertThat(spanish.get("/records/" + fromNypd + "/compare?page=1&with=" + fromLaw + "&withPage=1").body())
                .contains("retenido por Police Department, divulgado por Law Department");
        // The list of copies.
        assertThat(public_.get("/records/" + fromLaw + "/compare").body()).contains("Police Department").contains(nypdNumber);

        // Nothing of the copy in review, anywhere public.
        for (String path : List.of("/records/" + fromNypd, "/records/" + fromLaw, "/records/" + fromNypd + "/compare",
                "/records/" + fromNypd + "/compare?page=1&with=" + fromLaw + "&withPage=1", "/records?q=" + IN_REVIEW_ONLY,
                "/api/v1/search?q=" + IN_REVIEW_ONLY, "/api/v1/search?q=detainer", "/feeds/records.atom")) {
            String body = public_.get(path).body();
            // A search page repeats its own query; the record's other words would be in a hit's snippet.
            if (!path.contains("q=" + IN_REVIEW_ONLY)) assertThat(body).as(path).doesNotContain(IN_REVIEW_ONLY);
            assertThat(body).as(path).doesNotContain("Codename");
        }
        assertThat(public_.get("/api/v1/search?q=" + IN_REVIEW_ONLY).body()).contains("\"total\":0");
        // Nor can it be compared with, by guessing its number.
        assertThat(public_.get("/records/" + fromNypd + "/compare?page=1&with=" + inReview + "&withPage=1").statusCode()).isEqualTo(404);
        assertThat(public_.get("/records/" + inReview + "/compare").statusCode()).isEqualTo(404);

        // An administrator hides the Law Department's request: its record is no longer linked to, or compared with, while hidden.
        db.dsl().update(REQUESTS).set(REQUESTS.HIDDEN_AT, java.time.OffsetDateTime.now()).where(REQUESTS.NUMBER.eq(lawNumber)).execute();
        assertThat(public_.get("/records/" + fromNypd).body()).doesNotContain("Also released by").doesNotContain(lawNumber);
        assertThat(public_.get("/records/" + fromNypd + "/compare?page=1&with=" + fromLaw + "&withPage=1").statusCode()).isEqualTo(404);
        assertThat(public_.get("/records/" + fromNypd + "/compare").body()).doesNotContain(lawNumber);
        db.dsl().update(REQUESTS).setNull(REQUESTS.HIDDEN_AT).where(REQUESTS.NUMBER.eq(lawNumber)).execute();
        assertThat(public_.get("/records/" + fromNypd).body()).contains("Also released by Law Department");

        // Withdrawn: the link goes, from the page and the tables, and the comparison is not found.
        HttpResponse<String> withdrawn = law.post("/agency/law/records/" + fromLaw + "/withdraw", Map.of("reason", "Check again", "confirm", "yes"));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(PAGE_LINKS, PAGE_LINKS.DOCUMENT_ID.eq(fromLaw).or(PAGE_LINKS.OTHER_DOCUMENT_ID.eq(fromLaw)))).isZero();
        assertThat(db.dsl().fetchCount(PAGE_SIGNATURES, PAGE_SIGNATURES.DOCUMENT_ID.eq(fromLaw))).isZero();
        // Its shingles' document counts were given back: only NYPD's record is published now.
        var counts = db.dsl().select(DSL.min(SHINGLE_DOCUMENTS.DOCUMENTS), DSL.max(SHINGLE_DOCUMENTS.DOCUMENTS)).from(SHINGLE_DOCUMENTS).fetchOne();
        assertThat(counts.value1()).isEqualTo(1);
        assertThat(counts.value2()).isEqualTo(1);
        assertThat(public_.get("/records/" + fromNypd).body()).doesNotContain("Also released by");
        assertThat(public_.get("/records/" + fromNypd + "/compare?page=1&with=" + fromLaw + "&withPage=1").statusCode()).isEqualTo(404);
        assertThat(public_.get("/records/" + fromNypd + "/compare").body()).contains("no other agency has released a page of this record");
    }
}
