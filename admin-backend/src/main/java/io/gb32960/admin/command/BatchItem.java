package io.gb32960.admin.command;

import java.time.Instant;

/** One vehicle of a batch and its result; {@code commandLogId} names its command log row once sent. */
public record BatchItem(long batchId, String vin, String status, Long commandLogId, String detail, Instant finishedAt) {
}
