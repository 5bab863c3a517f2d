/**
 * What NYC law and mayoral orders require agencies to publish about immigration enforcement, and
 * whether they have (docs/mandates.md): {@link nyc.daylight.mandates.Overdue} is the pure rule for
 * which periods are overdue (New York days); {@link nyc.daylight.mandates.Mandates} the service
 * behind the public tracker ({@code /mandates}) and the admin form ({@code /admin/mandates});
 * {@link nyc.daylight.mandates.MandatePrefill} drafts the FOIL request for an overdue period
 * into the composer.
 */
package nyc.daylight.mandates;
