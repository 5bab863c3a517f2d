package nyc.daylight.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route names one; {@link Routes} enforces it before the handler. */
public enum Role implements RouteRole {
    /** Anyone, signed in or not: the public pages, the read API, the health check. */
    PUBLIC,
    /** Any signed-in account. */
    SIGNED_IN,
    /** Administrators. */
    ADMIN
}
