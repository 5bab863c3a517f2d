package nyc.daylight.lifecycle;

import java.util.List;
import java.util.Optional;
import nyc.daylight.deadlines.Regime;

/**
 * A ground for withholding records, as a denial or a redaction must cite it. {@code common} marks
 * the grounds officers cite most, which every list offers first.
 */
public record Exemption(String code, String citation, String title, boolean common) {

    /**
     * Public Officers Law §87(2)(a)–(q), the most cited first: (b) personal privacy, (e) law
     * enforcement, (g) inter- and intra-agency materials, (a) another statute, (f) safety; then the
     * rest in the statute's order. Paragraphs (j)–(q) each cover the recorded images of one
     * traffic-camera program, so each title names its own Vehicle and Traffic Law section: two
     * identical labels in a list of grounds would make the officer guess which paragraph was cited.
     *
     * <p>Checked against the statute's text (§87(2) as published by NYSED, oms.nysed.gov/foil/sec87.html,
     * and nysenate.gov/legislation/laws/PBO/87) on 2026-12-03: (a)–(i) match it, with (d) and (i) now
     * worded as the statute words them. (j) is verified only as far as "are photographs, m[icrophotographs …]"
     * and, by the Committee on Open Government (FOIL-AO-12412), as the red-light camera program's
     * recorded images. The Vehicle and Traffic Law sections named in (j)–(q), and the programs of
     * (k)–(q), are NOT verified from a source (the text we could read stops at (j)); they were written
     * from memory and must be checked against the statute before they are relied on. The titles are
     * shown as written, in English, in both languages (there is no Spanish text of the statute).
     */
    public static final List<Exemption> NEW_YORK = List.of(
            ny("b", "unwarranted invasion of personal privacy", true),
            ny("e", "compiled for law enforcement purposes", true),
            ny("g", "inter-agency or intra-agency materials", true),
            ny("a", "specifically exempted from disclosure by state or federal statute", true),
            ny("f", "could endanger the life or safety of any person", true),
            ny("c", "would impair present or imminent contract awards or collective bargaining negotiations", false),
            ny("d", "trade secrets, or commercial information whose disclosure would cause substantial injury to the competitive position of the enterprise", false),
            ny("h", "examination questions or answers before the final administration", false),
            ny("i", "would jeopardize the agency's capacity to guarantee the security of its information technology assets", false),
            ny("j", "red-light camera images (Vehicle and Traffic Law §1111-a)", false),
            ny("k", "red-light camera images (Vehicle and Traffic Law §1111-b)", false),
            ny("l", "red-light camera images (Vehicle and Traffic Law §1111-d)", false),
            ny("m", "bus-lane camera images (Vehicle and Traffic Law §1111-c)", false),
            ny("n", "school-zone speed camera images (Vehicle and Traffic Law §1180-b)", false),
            ny("o", "school-zone speed camera images (Vehicle and Traffic Law §1180-c)", false),
            ny("p", "school-zone speed camera images (Vehicle and Traffic Law §1180-d)", false),
            ny("q", "traffic-enforcement camera images (Vehicle and Traffic Law §1180-e)", false));

    /** 5 U.S.C. §552(b)(1)–(9), the most cited first: (6) personal privacy, (7) law enforcement, (5) privilege. */
    public static final List<Exemption> FEDERAL = List.of(
            fed(6, "personnel, medical and similar files (clearly unwarranted invasion of personal privacy)", true),
            fed(7, "records compiled for law enforcement purposes", true),
            fed(5, "inter-agency or intra-agency memoranda (privileged)", true),
            fed(3, "exempted by another statute", true),
            fed(1, "classified national defense or foreign policy information", false),
            fed(2, "internal personnel rules and practices", false),
            fed(4, "trade secrets and confidential commercial or financial information", false),
            fed(8, "financial institution examination reports", false),
            fed(9, "geological and geophysical information concerning wells", false));

    private static Exemption ny(String letter, String title, boolean common) {
        return new Exemption("87(2)(" + letter + ")", "Public Officers Law §87(2)(" + letter + ")", title, common);
    }

    private static Exemption fed(int n, String title, boolean common) {
        return new Exemption("552(b)(" + n + ")", "5 U.S.C. §552(b)(" + n + ")", title, common);
    }

    /** The citation and the title, as a list or a log shows one ground. */
    public String label() {
        return citation + ": " + title;
    }

    public static List<Exemption> forRegime(Regime regime) {
        return regime == Regime.NY_FOIL ? NEW_YORK : FEDERAL;
    }

    public static Optional<Exemption> find(Regime regime, String code) {
        return forRegime(regime).stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
