package nyc.daylight.api;

import java.time.OffsetDateTime;

/** A personal API token as its owner sees it: never the secret, only the prefix that names it. */
public record ApiToken(long id, long userId, String name, Scope scope, String prefix, OffsetDateTime createdAt,
                       OffsetDateTime lastUsedAt) {

    /** What a token may do: read acts as its owner on GET calls only; write may also file and act. */
    public enum Scope {
        READ, WRITE;

        public boolean allows(Scope needed) {
            return this == WRITE || needed == READ;
        }
    }
}
