package nyc.daylight.requests;

import java.io.IOException;
import java.io.InputStream;

/** A file as the browser sent it: its name as given (never trusted) and a way to read its bytes. */
public record Upload(String filename, Source source) {

    @FunctionalInterface
    public interface Source {
        InputStream get() throws IOException;
    }

    /** Only the last path segment, printable characters, at most 255 of them. */
    public String safeName() {
        return safeName(filename);
    }

    /** A file name as given by anyone (a browser, an e-mail), made safe to store and show. */
    public static String safeName(String filename) {
        String n = filename == null ? "" : filename.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.isEmpty()) n = "attachment";
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    InputStream open() throws IOException {
        return source.get();
    }
}
