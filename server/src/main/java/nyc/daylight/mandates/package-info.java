/**
 * What NYC law and mayoral orders require agencies to publish about immigration enforcement, and
 * whether they have: {@link nyc.daylight.mandates.Overdue} is the pure rule for which periods are
 * overdue (New York days). The tracker's storage, page and admin form are not built yet.
 */
package nyc.daylight.mandates;
