package nyc.daylight.inbound;

import java.util.Set;

/**
 * Words that make up mailboxes as often as they fill letters ("fee@", "records@", "press@"). When
 * the requester's address has such a local part, hiding every "fee" in an agency's reply would
 * hide the reply itself ("the [requester] is $0.25 a page"), so the bare word is hidden only where
 * it reads as a name; the whole address is always hidden.
 */
final class OrdinaryWords {
    private OrdinaryWords() {}

    static final Set<String> MAILBOX = Set.of(
            "fee", "fees", "foil", "foia", "info", "records", "record", "request", "requests", "press", "news", "legal",
            "office", "contact", "admin", "mail", "email", "hello", "help", "team", "data", "city", "public", "media",
            "general", "support", "reply", "service", "desk", "clerk", "policy", "editor", "tips", "research", "access",
            "open", "privacy", "rights", "justice", "immigration", "family", "home", "work", "user", "test", "person",
            "letter", "notice", "copy", "copies", "file", "files", "report", "reports", "appeal", "appeals", "agency");
}
