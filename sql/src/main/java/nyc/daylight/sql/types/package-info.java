/**
 * The vocabularies of the schema's status-like columns, as Java enums. jOOQ's generated classes
 * type those columns with them (forced types in {@code JooqCodegen}), so code compares enum
 * constants, never strings, and a misspelled status does not compile.
 */
package nyc.daylight.sql.types;
