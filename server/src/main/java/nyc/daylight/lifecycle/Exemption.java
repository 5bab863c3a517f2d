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
     * Public Officers Law §87(2)(a)–(r), the most cited first: (b) personal privacy, (e) law
     * enforcement, (g) inter- and intra-agency materials, (a) another statute, (f) safety; then the
     * rest in the statute's order.
     *
     * <p>Checked against the statute's text (§87(2) as published by NYSED, oms.nysed.gov/foil/sec87.html,
     * and nysenate.gov/legislation/laws/PBO/87) on 2026-12-03: (a)–(i) match it, with (d) and (i)
     * worded as the statute words them. (j) reads "are photographs, m[icrophotographs …]" and is, by
     * the Committee on Open Government (FOIL-AO-12412), the red-light camera program's recorded images.
     *
     * <p>(k)–(r): their text could not be read from a source here, so their titles claim nothing about
     * what each withholds. What is verified (2026-12-04) is which law added each paragraph, from the
     * amendatory clause of Assembly bill A.7002 of 2021 (nysenate.gov/legislation/bills/2021/A7002,
     * §2): (j) L. 1988 ch. 746; (k) separately by L. 2009 chs. 19, 20 and 23; (l) L. 2010 ch. 59
     * part II §12; (m) L. 2013 ch. 189; (n) separately by L. 2014 chs. 99, 101 and 123; (o) L. 2015
     * ch. 222; (p) twice, by L. 2019 ch. 59 part ZZZ subpart A §7 and by L. 2019 ch. 148; (q) L. 2019
     * ch. 145; (r) three times, by L. 2021 chs. 421, 460 and 773. So each title names its enacting
     * law, which is what an officer needs to tell the paragraphs apart (identical titles made them
     * guess), and which a reader can look up. Paragraphs added after that bill (2022 on) are not
     * listed; an officer cites them as "another statute" until they are checked. The titles are
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
            ny("j", "red-light camera photographs and recorded images (added by L. 1988, ch. 746)", false),
            ny("k", "paragraph added by L. 2009, chs. 19, 20 and 23 (text not yet verified)", false),
            ny("l", "paragraph added by L. 2010, ch. 59, part II (text not yet verified)", false),
            ny("m", "paragraph added by L. 2013, ch. 189 (text not yet verified)", false),
            ny("n", "paragraph added by L. 2014, chs. 99, 101 and 123 (text not yet verified)", false),
            ny("o", "paragraph added by L. 2015, ch. 222 (text not yet verified)", false),
            ny("p", "two paragraphs so lettered, added by L. 2019, ch. 59, part ZZZ, and L. 2019, ch. 148 (text not yet verified)", false),
            ny("q", "paragraph added by L. 2019, ch. 145 (text not yet verified)", false),
            ny("r", "three paragraphs so lettered, added by L. 2021, chs. 421, 460 and 773 (text not yet verified)", false));

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
