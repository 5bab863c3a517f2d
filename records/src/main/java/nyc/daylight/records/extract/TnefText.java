package nyc.daylight.records.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A winmail.dat kept on its own (saved from a message, or inside an archive): its text and its files. */
final class TnefText {
    private TnefText() {}

    static Content extract(byte[] content, Job job, int depth) throws IOException {
        TnefFiles.Bundle bundle = TnefFiles.read(content);
        Map<String, String> fields = new LinkedHashMap<>();
        EmailText.put(fields, "subject", bundle.subject());
        List<ExtractedDocument> children = new ArrayList<>();
        for (TnefFiles.File f : bundle.files()) children.add(job.child(f.name(), f.content(), depth + 1));
        String body = bundle.body() == null ? "" : bundle.body();
        List<ExtractedPage> pages = fields.isEmpty() && body.isBlank() ? List.of() : EmailText.page(fields, List.of(body), job.limits.maxPages());
        return new Content(pages, fields, children).described(fields.get("subject"), null);
    }
}
