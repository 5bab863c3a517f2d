package nyc.daylight.records;

/**
 * A file as the blob store keeps it: addressed by the SHA-256 of its bytes, with the type
 * detected from those bytes.
 */
public record StoredBlob(String sha256, long size, String contentType) {}
