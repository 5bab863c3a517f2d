/**
 * Who wrote to whom, read from the published text of e-mail printouts page by page:
 * {@link nyc.daylight.records.correspondents.HeaderBlocks} finds the header blocks,
 * {@link nyc.daylight.records.correspondents.Addresses} gives each address one spelling, and
 * {@link nyc.daylight.records.correspondents.Offices} says which side (federal immigration or
 * city) and which office a domain belongs to. Pure: no I/O, no schema.
 */
package nyc.daylight.records.correspondents;
