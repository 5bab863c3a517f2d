/**
 * The released-records pipeline as a plain library: content-addressed blob storage, text
 * extraction, PII scanning and the Lucene index. It knows nothing of HTTP or of the database
 * schema; {@code server} wires it to both.
 */
package nyc.daylight.records;
