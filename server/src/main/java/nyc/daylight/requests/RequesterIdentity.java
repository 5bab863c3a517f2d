package nyc.daylight.requests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.core.BadInput;

/**
 * Who a request is signed by, and what each audience sees. Neither FOIL nor FOIA requires a
 * requester to say who they are, so a requester may sign as themselves, as an organisation, or
 * under a pseudonym. This is the one place that decides the name an agency receives in the
 * letters Daylight drafts ({@link #agencySignature()}) and the name the public sees
 * ({@link #publicName()}); every letter and every public surface asks it, and public text passes
 * through {@link #forPublic(String)} so a name the requester hid is never shown, even inside a
 * letter the agency received signed with it.
 *
 * @param signature   the signature as chosen at filing: the organisation or the pseudonym, or for
 *                    {@link Kind#SELF} the account's name then (null when it had none)
 * @param nameShown   for {@link Kind#SELF}, whether the public may see that name; always false
 *                    for the other kinds, whose whole point is that the person's name is not used
 * @param accountName the name on the requester's account now (never public unless shown)
 */
public record RequesterIdentity(Kind kind, String signature, boolean nameShown, String accountName) {

    /** How the requester signs. */
    public enum Kind { SELF, ORGANISATION, PSEUDONYM }

    /** Stands in for a hidden name in public text. English, like the letters it appears in. */
    public static final String WITHHELD = "[name withheld at the requester's choice]";
    /** The signature of a requester who gave no name at all. */
    public static final String NO_NAME = "A Daylight requester";
    public static final int MIN_SIGNATURE = 2;
    public static final int MAX_SIGNATURE = 120;

    public RequesterIdentity {
        if (kind == null) kind = Kind.SELF;
        signature = blankToNull(signature);
        accountName = blankToNull(accountName);
        if (kind != Kind.SELF) nameShown = false;
    }

    /**
     * The composer's choice, checked: {@code kind} is SELF (also when absent, as from older forms
     * and API clients), ORGANISATION or PSEUDONYM; {@code text} is the organisation or pseudonym.
     *
     * @throws BadInput naming field {@code signAs} or {@code signatureName}, with a sentence saying what to fix
     */
    public static RequesterIdentity choose(String kind, String text, boolean showName, String accountName) {
        Kind k = parseKind(kind);
        if (k == Kind.SELF) return new RequesterIdentity(k, accountName, showName, accountName);
        String what = k == Kind.ORGANISATION ? "organisation" : "pseudonym";
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) throw BadInput.of("signatureName", "error.signature.required." + what);
        if (s.codePoints().anyMatch(RequesterIdentity::unprintable)) throw BadInput.of("signatureName", "error.signature.characters");
        s = s.replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) < MIN_SIGNATURE || s.codePointCount(0, s.length()) > MAX_SIGNATURE) {
            throw BadInput.of("signatureName", "error.signature.length", MIN_SIGNATURE, MAX_SIGNATURE);
        }
        // Letters are public: an address here would publish it, and would name the person anyway.
        if (s.contains("@")) throw BadInput.of("signatureName", "error.signature.email");
        return new RequesterIdentity(k, s, false, accountName);
    }

    /** A filed request's stored choice, with the requester's account name now. */
    public static RequesterIdentity of(StoredRequest r, String accountName) {
        StoredRequest.Signature s = r.signature();
        return new RequesterIdentity(s.kind(), s.name(), s.nameShown(), accountName);
    }

    /**
     * The stored choice as the requests table has it ({@code signatureKind} the {@link Kind}'s name,
     * null for requests filed before signatures), with the requester's account name now.
     */
    public static RequesterIdentity of(String signatureKind, String signatureName, Boolean showName, String accountName) {
        return new RequesterIdentity(parseStored(signatureKind), signatureName, Boolean.TRUE.equals(showName), accountName);
    }

    /** The name every letter to the agency is signed with. Never an e-mail address. */
    public String agencySignature() {
        if (kind != Kind.SELF) return signature;
        String own = ownName();
        return own != null ? own : NO_NAME;
    }

    /** The name the public sees as the requester's, or null when none is shown. */
    public String publicName() {
        if (kind != Kind.SELF) return signature;
        return nameShown ? ownName() : null;
    }

    /**
     * The person's own name for a letter: as signed at filing, else the account's. An account
     * "name" that is an e-mail address is no name: it would put the address in the letter.
     */
    private String ownName() {
        String own = signature != null ? signature : accountName;
        return own == null || own.contains("@") ? null : own;
    }

    /**
     * Public text (a letter as the agency received it, a timeline entry) with every name the
     * requester hid replaced by {@link #WITHHELD}. Matches ignore case, and spaces or a line break
     * between a name's words, but only whole words: "Ana" is withheld, "Analysis" is not.
     */
    public String forPublic(String text) {
        if (text == null) return null;
        String out = text;
        for (String name : hiddenNames()) out = pattern(name).matcher(out).replaceAll(Matcher.quoteReplacement(WITHHELD));
        return out;
    }

    /** The names that must not appear in public, longest first (so a full name goes before its parts). */
    public List<String> hiddenNames() {
        List<String> names = new ArrayList<>();
        if (kind == Kind.SELF && !nameShown) names.add(signature);
        names.add(accountName);
        String shown = publicName() == null ? "" : publicName().toLowerCase(Locale.ROOT);
        return names.stream()
                .filter(n -> n != null && n.codePoints().filter(Character::isLetterOrDigit).count() >= 2)
                // A name inside what the requester chose to show is theirs to show ("Ana" in "Ana's Legal Aid").
                .filter(n -> !shown.contains(n.toLowerCase(Locale.ROOT)))
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static Pattern pattern(String name) {
        List<String> words = List.of(name.strip().split("\\s+"));
        String body = String.join("\\s+", words.stream().map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Kind parseKind(String kind) {
        if (kind == null || kind.isBlank()) return Kind.SELF;
        try {
            return Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadInput.of("signAs", "error.signature.choose");
        }
    }

    private static Kind parseStored(String kind) {
        return kind == null ? Kind.SELF : Kind.valueOf(kind);
    }

    /** Control, format (bidirectional overrides, zero-width), separator and unassigned characters. */
    private static boolean unprintable(int c) {
        // Joiners (emoji sequences, Persian and Indic names) and the plain direction marks Arabic and
        // Hebrew names need are format characters too; only they are allowed. The bidi overrides and
        // isolates stay refused: they make a published name read differently from what it is.
        if (c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F) return false;
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || t == Character.UNASSIGNED || t == Character.PRIVATE_USE
                || t == Character.SURROGATE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
