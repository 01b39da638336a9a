package io.gb32960.ota.rollout;

import java.util.EnumSet;
import java.util.Set;

/**
 * One vehicle's upgrade in a campaign: PENDING -> NOTIFIED (the upgrade command was answered, or the
 * terminal's check got the URL) -> DOWNLOADING (first byte served) -> DOWNLOADED (last byte served)
 * -> SUCCEEDED (the terminal reports the new version); FAILED (refused, download or verification
 * timeout, version unchanged after the deadline; after the campaign's retries) or CANCELED.
 */
public enum RolloutState {
    PENDING, NOTIFIED, DOWNLOADING, DOWNLOADED, SUCCEEDED, FAILED, CANCELED;

    public static final Set<RolloutState> FINAL = EnumSet.of(SUCCEEDED, FAILED, CANCELED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
