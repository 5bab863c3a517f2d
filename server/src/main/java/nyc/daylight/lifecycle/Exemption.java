package nyc.daylight.lifecycle;

import java.util.List;
import java.util.Optional;
import nyc.daylight.deadlines.Regime;

/** A ground for withholding records, as a denial must cite it. */
public record Exemption(String code, String citation, String title) {

    /** Public Officers Law §87(2)(a)–(q). */
    public static final List<Exemption> NEW_YORK = List.of(
            ny("a", "specifically exempted from disclosure by state or federal statute"),
            ny("b", "unwarranted invasion of personal privacy"),
            ny("c", "would impair present or imminent contract awards or collective bargaining negotiations"),
            ny("d", "trade secrets or confidential commercial information"),
            ny("e", "compiled for law enforcement purposes"),
            ny("f", "could endanger the life or safety of any person"),
            ny("g", "inter-agency or intra-agency materials"),
            ny("h", "examination questions or answers before the final administration"),
            ny("i", "would jeopardize the security of the agency's information technology assets"),
            ny("j", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("k", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("l", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("m", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("n", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("o", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("p", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"),
            ny("q", "images from a traffic-enforcement camera program (Vehicle and Traffic Law)"));

    /** 5 U.S.C. §552(b)(1)–(9). */
    public static final List<Exemption> FEDERAL = List.of(
            fed(1, "classified national defense or foreign policy information"),
            fed(2, "internal personnel rules and practices"),
            fed(3, "exempted by another statute"),
            fed(4, "trade secrets and confidential commercial or financial information"),
            fed(5, "inter-agency or intra-agency memoranda (privileged)"),
            fed(6, "personnel, medical and similar files (clearly unwarranted invasion of personal privacy)"),
            fed(7, "records compiled for law enforcement purposes"),
            fed(8, "financial institution examination reports"),
            fed(9, "geological and geophysical information concerning wells"));

    private static Exemption ny(String letter, String title) {
        return new Exemption("87(2)(" + letter + ")", "Public Officers Law §87(2)(" + letter + ")", title);
    }

    private static Exemption fed(int n, String title) {
        return new Exemption("552(b)(" + n + ")", "5 U.S.C. §552(b)(" + n + ")", title);
    }

    public static List<Exemption> forRegime(Regime regime) {
        return regime == Regime.NY_FOIL ? NEW_YORK : FEDERAL;
    }

    public static Optional<Exemption> find(Regime regime, String code) {
        return forRegime(regime).stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
