/**
 * Finding likely personal data on a page of released records, for a records officer to review
 * before publication. {@link nyc.daylight.records.pii.PiiScanner} is the entry point; the rest
 * are its rule families, each a small set of precompiled patterns with the reasons for them.
 */
package nyc.daylight.records.pii;
