package nyc.daylight.lifecycle;

import nyc.daylight.records.StoredBlob;

/** Told about each file an officer releases, once the release is committed: the records pipeline listens. */
@FunctionalInterface
public interface ReleasedFiles {
    ReleasedFiles NONE = (requestId, agencyId, attachmentId, blob, name, officerId) -> { };

    void received(long requestId, long agencyId, long attachmentId, StoredBlob blob, String name, long officerId);
}
