package nyc.daylight.web;

import io.javalin.security.RouteRole;

/**
 * How a page uses the database pool, declared beside its {@link Role}. By default a page view
 * keeps one connection from its first query to its end ({@code PageConnections}). A page whose
 * slow part needs no database, the records search (Lucene and the template), gives it back before
 * its handler runs and checks out per query instead: under overload a view waiting for the CPU
 * would otherwise hold one of the pool's ten connections and make every other page wait for it
 * (the search load run answered 503s from the pool, not from search; docs/benchmarks.md).
 */
public enum ConnectionUse implements RouteRole {
    PER_QUERY
}
