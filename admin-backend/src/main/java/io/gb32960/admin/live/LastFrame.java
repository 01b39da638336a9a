package io.gb32960.admin.live;

import java.time.Instant;

/**
 * The newest stored frame of a vehicle, decoded: every data unit as the JSON of docs/telemetry-json.md.
 *
 * @param json  the decoded frame (pretty-printed), or null when it did not decode
 * @param error why it did not decode
 */
public record LastFrame(Instant collectedAt, int command, String json, String error, String hex) {
}
