package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled set of NYC OpenRecords notifications as requesters forward them, written by the team
 * after the portal's fixed sentences: each base notice as the portal sends it, then inside an
 * Outlook, a Gmail and an Apple Mail forward (with "> " quoting). Every one carries its true
 * kind, or null when it proposes nothing (a filing receipt, a message, a person's letter that
 * mentions the portal, another portal's notice).
 */
final class PortalNotices {
    private PortalNotices() {
    }

    record Labelled(String name, String subject, String body, PortalNotice.Kind kind, String date) {}

    private record Base(String name, String subject, String body, PortalNotice.Kind kind, String date) {}

    private static final String ID = "FOIL-2026-056-01234";
    private static final String FOOT = """

            Please visit %s to view additional information and take any necessary actions.

            Thank you,
            NYC OpenRecords
            https://a860-openrecords.nyc.gov/request/view/%s
            """.formatted(ID, ID);

    private static final List<Base> BASES = List.of(
            new Base("ack-long-date", "[NYC OpenRecords] Request " + ID + " Acknowledged", """
                    Dear Ana Advocate,

                    Your request %s has been acknowledged by the Department of Correction. You can expect a response on or about Friday, April 3, 2026.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.ACKNOWLEDGED, "2026-04-03"),
            new Base("ack-numeric-date", "Request " + ID + " Acknowledged", """
                    The New York City Police Department has acknowledged your FOIL request %s.
                    You can expect a response by 04/24/2026.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.ACKNOWLEDGED, "2026-04-24"),
            new Base("ack-wrapped-line", "[NYC OpenRecords] Request " + ID + " Acknowledged", """
                    Your request %s has been
                    acknowledged by the Administration for Children's Services. You can expect a
                    response on or about Monday, March 30, 2026.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.ACKNOWLEDGED, "2026-03-30"),
            new Base("extended-reason", "[NYC OpenRecords] Request " + ID + " Extended", """
                    Your request %s has been extended by the Department of Correction. You can now expect a response on or about Friday, May 1, 2026.

                    Reason for extension: The agency is searching several offices and reviewing a large volume of e-mail.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.EXTENDED, "2026-05-01"),
            new Base("extended-new-due-date", "Request " + ID + " Extended", """
                    The Department of Probation has extended the due date of your FOIL request %s. The new due date is 05/15/2026.

                    The following reason(s) were given: Records must be retrieved from off-site storage.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.EXTENDED, "2026-05-15"),
            new Base("denied-exemptions", "[NYC OpenRecords] Request " + ID + " Denied", """
                    Your request %s has been denied for the following reason(s):

                    Disclosure would constitute an unwarranted invasion of personal privacy under Public Officers Law § 87(2)(b).
                    The records were compiled for law enforcement purposes and disclosure would interfere with an investigation, Public Officers Law § 87(2)(e)(i).
                    """.formatted(ID) + FOOT, PortalNotice.Kind.DENIED, null),
            new Base("closed-fulfilled", "[NYC OpenRecords] Request " + ID + " Closed", """
                    Your request %s has been closed for the following reason(s):

                    Fulfilled via Email
                    """.formatted(ID) + FOOT, PortalNotice.Kind.CLOSED_FULFILLED, null),
            new Base("closed-in-part", "[NYC OpenRecords] Request " + ID + " Closed", """
                    Your request %s has been closed for the following reason(s):

                    Fulfilled in Part: portions withheld under Public Officers Law § 87(2)(g), inter-agency or intra-agency materials.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.CLOSED_IN_PART, null),
            new Base("closed-no-records", "[NYC OpenRecords] Request " + ID + " Closed", """
                    Your request %s has been closed for the following reason(s):

                    No Records Found: after a diligent search the agency did not locate responsive records.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.CLOSED_NO_RECORDS, null),
            new Base("closed-duplicate", "[NYC OpenRecords] Request " + ID + " Closed", """
                    Your request %s has been closed for the following reason(s):

                    Duplicate Request: this request duplicates FOIL-2026-056-01100.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.CLOSED_OTHER, null),
            new Base("closed-no-contact", "[NYC OpenRecords] Request " + ID + " Closed", """
                    Your request %s has been closed for the following reason(s):

                    Unable to contact the requester to clarify the request.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.CLOSED_OTHER, null),
            new Base("files-added", "[NYC OpenRecords] Files Added to Request " + ID, """
                    The Department of Correction has added the following file(s) to your request %s:

                        DOC_ICE_correspondence_2025.pdf
                        Detainer_log_redacted.xlsx
                    """.formatted(ID) + FOOT, PortalNotice.Kind.FILES_RELEASED, null),
            new Base("files-released", "Request " + ID + ": Records Released", """
                    New files have been released to your request %s. They are available on the request page.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.FILES_RELEASED, null),
            new Base("reopened", "[NYC OpenRecords] Request " + ID + " Re-Opened", """
                    Your request %s has been re-opened by the Department of Correction. You can expect a response on or about Friday, May 15, 2026.
                    """.formatted(ID) + FOOT, PortalNotice.Kind.REOPENED, "2026-05-15"),
            // What proposes nothing.
            new Base("submitted-receipt", "[NYC OpenRecords] Request " + ID + " Submitted", """
                    Your request %s has been successfully submitted to the Department of Correction.
                    The agency has 5 business days to acknowledge your request.
                    """.formatted(ID) + FOOT, null, null),
            new Base("agency-message", "[NYC OpenRecords] Message on Request " + ID, """
                    The Department of Correction has sent you a message regarding your request %s:

                    "Could you narrow the date range of your request?"
                    """.formatted(ID) + FOOT, null, null),
            new Base("due-reminder", "[NYC OpenRecords] Request " + ID + " Due Soon", """
                    Request %s is due in 2 business days. Please acknowledge or respond to it.
                    """.formatted(ID) + FOOT, null, null),
            new Base("person-letter-mentioning-portal", "RE: FOIL request", """
                    Dear Ms. Advocate,

                    Your request, which we logged in OpenRecords as %s, is being processed. We expect to respond by April 3, 2026.

                    Records Access Officer
                    """.formatted(ID), null, null),
            new Base("person-letter-no-id", "RE: FOIL request", """
                    Dear Ms. Advocate, we acknowledge receipt of your request. In future please file through NYC OpenRecords.
                    """, null, null),
            new Base("other-portal", "[Records Center] Request 26-1182 has been closed", """
                    Your request 26-1182 has been closed. Documents are available at https://nassaucountyny.nextrequest.com/requests/26-1182
                    """, null, null),
            new Base("account-notice", "NYC OpenRecords account", """
                    The password of your NYC OpenRecords account was changed. If you did not do this, contact %s support.
                    """.formatted(ID), null, null),
            new Base("ack-without-date", "[NYC OpenRecords] Request " + ID + " Acknowledged", """
                    Your request %s has been acknowledged by the Department of Correction.
                    """.formatted(ID) + FOOT, null, null));

    /**
     * Written after the recogniser was tuned, in phrasings it was not written for (the portal's
     * templates have changed over the years): measured apart, so the table shows what it misses.
     */
    static List<Labelled> heldOut() {
        String id = "FOIL-2026-002-00077";
        return List.of(
                new Labelled("held/estimated-completion", "Request " + id + " Acknowledged", """
                        Your FOIL request %s was acknowledged on 03/10/2026. The estimated date of completion is 04/07/2026.
                        NYC OpenRecords""".formatted(id), PortalNotice.Kind.ACKNOWLEDGED, "2026-04-07"),
                new Labelled("held/agency-closed-your-request", "Request " + id + " Closed", """
                        The Department of Correction has closed your request %s for the following reason: Records provided.
                        NYC OpenRecords""".formatted(id), PortalNotice.Kind.CLOSED_FULFILLED, null),
                new Labelled("held/extended-no-reason", "[NYC OpenRecords] Request " + id + " Extended", """
                        Your request %s has been extended. You can now expect a response on or about June 5, 2026.
                        https://a860-openrecords.nyc.gov/request/view/%s""".formatted(id, id), PortalNotice.Kind.EXTENDED, "2026-06-05"),
                new Labelled("held/gmail-html-bold-headers", "Fwd: [NYC OpenRecords] Request " + id + " Denied", """
                        ---------- Forwarded message ---------
                        *From:* NYC OpenRecords <noreply@records.nyc.gov>
                        *Date:* Tue, Mar 17, 2026 at 3:12 PM
                        *Subject:* [NYC OpenRecords] Request %s Denied
                        *To:* <ana@example.org>

                        Your request %s has been denied for the following reason(s): The records are exempt under Public Officers Law §87(2)(f), disclosure could endanger the life or safety of any person.
                        """.formatted(id, id), PortalNotice.Kind.DENIED, null),
                new Labelled("held/response-letter-added", "[NYC OpenRecords] Response Added to Request " + id, """
                        A response letter has been added to your request %s. Log in to NYC OpenRecords to read it.
                        """.formatted(id), null, null),
                new Labelled("held/closed-denied-in-full", "[NYC OpenRecords] Request " + id + " Closed", """
                        Your request %s has been closed for the following reason(s): Denied - the records are exempt under Public Officers Law § 87(2)(b).
                        NYC OpenRecords""".formatted(id), PortalNotice.Kind.DENIED, null),
                new Labelled("held/reopened-numeric", "Request " + id + " Reopened", """
                        Your request %s has been reopened. The new due date is 05/29/2026.
                        NYC OpenRecords""".formatted(id), PortalNotice.Kind.REOPENED, "2026-05-29"),
                new Labelled("held/files-uploaded", "[NYC OpenRecords] Request " + id, """
                        The agency uploaded the following files to your request %s: ICE_emails.pdf
                        NYC OpenRecords""".formatted(id), PortalNotice.Kind.FILES_RELEASED, null));
    }

    /** Every base notice as sent, then as Outlook, Gmail and Apple Mail forward it. */
    static List<Labelled> all() {
        List<Labelled> out = new ArrayList<>();
        for (Base b : BASES) {
            out.add(new Labelled(b.name() + "/direct", b.subject(), b.body(), b.kind(), b.date()));
            out.add(new Labelled(b.name() + "/outlook", "FW: " + b.subject(), outlook(b), b.kind(), b.date()));
            out.add(new Labelled(b.name() + "/gmail", "Fwd: " + b.subject(), gmail(b), b.kind(), b.date()));
            out.add(new Labelled(b.name() + "/apple", "Fwd: " + b.subject(), apple(b), b.kind(), b.date()));
        }
        return out;
    }

    static String outlook(Base b) {
        return """
                FYI - see below.

                Ana

                ________________________________
                From: NYC OpenRecords <noreply@records.nyc.gov>
                Sent: Monday, March 9, 2026 10:04 AM
                To: Ana Advocate <ana@example.org>
                Subject: %s

                %s""".formatted(b.subject(), b.body());
    }

    static String gmail(Base b) {
        return """
                Forwarding for the record.

                ---------- Forwarded message ---------
                From: NYC OpenRecords <noreply@records.nyc.gov>
                Date: Mon, Mar 9, 2026 at 10:04 AM
                Subject: %s
                To: <ana@example.org>


                %s""".formatted(b.subject(), b.body());
    }

    static String apple(Base b) {
        StringBuilder quoted = new StringBuilder();
        for (String line : b.body().split("\n", -1)) quoted.append("> ").append(line).append('\n');
        return """
                Sent from my iPhone

                Begin forwarded message:

                > From: NYC OpenRecords <noreply@records.nyc.gov>
                > Date: March 9, 2026 at 10:04:11 AM EDT
                > To: ana@example.org
                > Subject: %s
                >
                %s""".formatted(b.subject(), quoted);
    }
}
