package nyc.daylight.records.extract;

/** A media type detected from a document's bytes, and the reader for it. */
record SniffedType(String contentType, Format format) {}
