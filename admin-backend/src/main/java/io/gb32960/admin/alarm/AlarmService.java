package io.gb32960.admin.alarm;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.vehicle.Vin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alarms: list, detail, acknowledgement with a comment (once, audited). */
@Service
public class AlarmService {

    private final AlarmRepository alarms;
    private final AuditLog audit;
    private final Clock clock;

    AlarmService(AlarmRepository alarms, AuditLog audit, Clock clock) {
        this.alarms = alarms;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<Alarm> page(AlarmQuery q, Paging paging) {
        return alarms.page(q, paging);
    }

    @Transactional(readOnly = true)
    public Alarm get(String vin, long collectedAtEpochSecond, int command) {
        return alarms.find(Vin.normalize(vin), Instant.ofEpochSecond(collectedAtEpochSecond), command)
                .orElseThrow(() -> AdminException.notFound("alarm"));
    }

    @Transactional
    public Alarm acknowledge(String vin, long collectedAtEpochSecond, int command, String comment) {
        Alarm a = get(vin, collectedAtEpochSecond, command);
        Actor actor = Actor.current();
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (!alarms.acknowledge(a.vin(), a.collectedAt(), a.command(), actor.name(), clock.instant(), text)) {
            throw new AdminException(ErrorCode.CONFLICT, "the alarm was acknowledged already");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("collectedAt", a.collectedAt().toString());
        detail.put("command", a.command());
        detail.put("level", a.maxLevel());
        detail.put("comment", text);
        audit.record(actor, "ALARM_ACK", "vehicle", a.vin(), detail);
        return get(vin, collectedAtEpochSecond, command);
    }
}
