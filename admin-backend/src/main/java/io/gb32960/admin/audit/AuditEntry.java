package io.gb32960.admin.audit;

import java.time.Instant;

/** One row of the audit log. */
public record AuditEntry(long id, Instant at, String actor, String action, String targetType, String target,
                         String detail, String remoteAddr) {
}
