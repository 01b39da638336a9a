package io.gb32960.admin.audit;

import java.time.Instant;

/** Filters of the audit log; null = any. */
public record AuditQuery(String actor, String action, String targetType, String target, Instant from, Instant to) {
}
