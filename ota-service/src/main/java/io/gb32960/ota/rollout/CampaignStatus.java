package io.gb32960.ota.rollout;

/**
 * A campaign's life (after hawkbit's {@code RolloutStatus}): DRAFT -> SCHEDULED (start time ahead)
 * -> RUNNING; RUNNING -> WAITING (a group succeeded, the next waits for an admin) or PAUSED (error
 * threshold, success threshold missed, or by hand) -> RUNNING on resume; FINISHED when every group
 * is done; CANCELED from any state but FINISHED.
 */
public enum CampaignStatus {
    DRAFT, SCHEDULED, RUNNING, WAITING, PAUSED, FINISHED, CANCELED;

    /** Upgrades are delivered (pushed, answered to checks) in these states. */
    public boolean delivering() {
        return this == RUNNING || this == WAITING;
    }

    /** Vehicles already told keep being followed (downloads, verification) in these states. */
    public boolean following() {
        return delivering() || this == PAUSED;
    }
}
