package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flags likely personal data on one page of released records (for Daylight, largely NYC
 * agencies' correspondence with ICE): A-numbers, SSNs, NYSIDs, jail booking and court numbers,
 * dates of birth, phone numbers, email addresses, street addresses, and the names next to them.
 *
 * <p>It only points: every finding goes to a records officer, who decides what to redact. So it
 * errs towards flagging, but keeps out the numbers these records are full of and that are not
 * about a person: statute citations, form numbers (I-247A), request numbers (DL-2026-000123),
 * money, times, ZIP codes, and dates that are not labeled as a birth date.
 *
 * <p>Pure and immutable: no I/O, no clock, no mutable state, so one instance may be shared by all
 * threads. Every pattern uses bounded or possessive repetition, so scanning is linear in the
 * length of the page.
 */
public final class PiiScanner {
    private final List<Detector> detectors = List.of(new IdentifierShapes(), new LabeledNumbers(), new DatesOfBirth(),
            new Contacts(), new WorldPhones(), new StreetAddresses(), new PublicEntities(), new TableColumns());
    /** OCR's confusions are undone only for the rules that read digits. */
    private final OcrRepair ocr = new OcrRepair(List.of(new IdentifierShapes(), new LabeledNumbers(), new DatesOfBirth(), new Contacts()));
    private final PersonNames names = new PersonNames();
    private final NameContexts contexts = new NameContexts();

    public PiiScanner() {}

    /**
     * The findings on {@code pageText}, sorted by start, then end; no two overlap, so no span is
     * reported twice.
     */
    public List<PiiFinding> scan(String pageText) {
        Objects.requireNonNull(pageText, "pageText");
        List<PiiFinding> found = new ArrayList<>();
        for (Detector d : detectors) d.detect(pageText, found);
        found.addAll(ocr.find(pageText, found));
        List<PiiFinding> settled = Overlaps.resolve(found);
        // Names are found next to the other findings, so only once those are settled; a name
        // overlapping one of them (a street named after a person) loses to it.
        List<PiiFinding> all = new ArrayList<>(settled);
        all.addAll(names.find(pageText, settled));
        all.addAll(contexts.find(pageText, Overlaps.resolve(all)));
        all = new ArrayList<>(Overlaps.resolve(all));
        all.addAll(repairedNames(pageText, all));
        all = new ArrayList<>(Overlaps.resolve(all));
        // A first name alone is known only once its full name is.
        all.addAll(FirstMentions.find(pageText, all));
        return List.copyOf(Overlaps.resolve(all));
    }

    /** Names on an OCR'd page with digits in them ("PERALTA, W1LFREDO"), read on the repaired text, less surely. */
    private List<PiiFinding> repairedNames(String page, List<PiiFinding> found) {
        String repaired = OcrRepair.repair(page);
        if (repaired.equals(page)) return List.of();
        List<PiiFinding> out = new ArrayList<>();
        List<PiiFinding> others = found.stream().filter(f -> f.type() != PiiType.PERSON_NAME).toList();
        for (PiiFinding f : names.find(repaired, others)) {
            if (!page.substring(f.start(), f.end()).equals(f.text())) {
                out.add(PiiFinding.of(PiiType.PERSON_NAME, page, f.start(), f.end(), f.confidence() * OcrRepair.DISCOUNT));
            }
        }
        return out;
    }
}
