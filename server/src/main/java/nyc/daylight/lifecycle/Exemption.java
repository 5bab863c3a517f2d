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
     */
    public static final List<Exemption> NEW_YORK = List.of(
            ny("b", "unwarranted invasion of personal privacy", true),
            ny("e", "compiled for law enforcement purposes", true),
            ny("g", "inter-agency or intra-agency materials", true),
            ny("a", "specifically exempted from disclosure by state or federal statute", true),
            ny("f", "could endanger the life or safety of any person", true),
            ny("c", "would impair present or imminent contract awards or collective bargaining negotiations", false),
            ny("d", "trade secrets or confidential commercial information", false),
            ny("h", "examination questions or answers before the final administration", false),
            ny("i", "would jeopardize the security of the agency's information technology assets", false),
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
