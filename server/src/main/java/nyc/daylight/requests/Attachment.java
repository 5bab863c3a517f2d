package nyc.daylight.requests;

/** A file attached to a request's ledger entry; {@code published} once reviewed for the public. */
public record Attachment(long id, int eventSeq, String name, String contentType, long size, String source,
                         String sha256, boolean published) {

    /** "12 KB", "3.4 MB". */
    public String sizeLabel() {
        if (size < 1024) return size + " bytes";
        if (size < 1024 * 1024) return (size / 1024) + " KB";
        return String.format("%.1f MB", size / (1024.0 * 1024.0));
    }
}
