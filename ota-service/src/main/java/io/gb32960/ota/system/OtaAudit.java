package io.gb32960.ota.system;

import io.gb32960.ota.security.Actor;
import io.gb32960.web.audit.AuditTrail;
import io.gb32960.web.audit.RequestAddress;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;

/**
 * The OTA service's entries in the platform's audit trail (the admin backend's audit log): firmware
 * uploads and reviews, campaigns created, started, paused, resumed and canceled; who, from where.
 */
@Component
public class OtaAudit {

    private final AuditTrail trail;

    OtaAudit(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.trail = new AuditTrail(jdbc, json, clock);
    }

    public void record(Actor actor, String action, String targetType, Object target, Map<String, ?> detail) {
        trail.record(actor.name(), RequestAddress.current(), action, targetType, String.valueOf(target), detail);
    }
}
