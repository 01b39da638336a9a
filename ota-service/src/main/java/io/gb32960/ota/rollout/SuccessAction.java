package io.gb32960.ota.rollout;

/** What happens when a group reaches its success threshold (hawkbit's success action). */
public enum SuccessAction {
    /** Start the next group at once. */
    NEXT_GROUP,
    /** Wait for an administrator to start the next group (resume). */
    WAIT
}
