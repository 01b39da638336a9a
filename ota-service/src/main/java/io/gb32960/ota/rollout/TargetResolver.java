package io.gb32960.ota.rollout;

import com.google.common.collect.Lists;
import io.gb32960.ota.firmware.Firmware;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The vehicles a campaign's target means now: enabled vehicles of the firmware's terminal model
 * whose hardware version fits (or is unknown), not already on the target version, not in another
 * campaign that still follows them; then the explicit VIN list or the filter.
 */
@Component
class TargetResolver {

    /** A candidate and the firmware version it reports now. */
    record Candidate(String vin, String firmwareVersion) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    TargetResolver(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> resolve(Firmware firmware, CampaignForm.Target target, List<String> explicitVins, long selfId) {
        MapSqlParameterSource p = new MapSqlParameterSource("model", firmware.terminalModel())
                .addValue("hw", firmware.hardwareVersion()).addValue("version", firmware.version())
                .addValue("self", selfId);
        StringBuilder sql = new StringBuilder("""
                SELECT v.vin, v.firmware_version FROM vehicle v LEFT JOIN terminal_model m ON m.code = v.terminal_model
                WHERE v.enabled = 1 AND v.terminal_model = :model
                  AND (v.hardware_version IS NULL OR v.hardware_version = :hw)
                  AND (v.firmware_version IS NULL OR v.firmware_version <> :version)
                  AND NOT EXISTS (SELECT 1 FROM ota_rollout r JOIN ota_campaign c ON c.id = r.campaign_id
                                  WHERE r.vin = v.vin AND c.id <> :self
                                    AND r.state IN ('PENDING', 'NOTIFIED', 'DOWNLOADING', 'DOWNLOADED')
                                    AND c.status IN ('RUNNING', 'WAITING', 'PAUSED'))""");
        CampaignForm.Filter f = target == null ? null : target.filter();
        if (f != null) {
            if (f.terminalModel() != null && !f.terminalModel().isBlank()) {
                sql.append(" AND v.terminal_model = :fModel");
                p.addValue("fModel", f.terminalModel().trim());
            }
            if (f.hardwareVersion() != null && !f.hardwareVersion().isBlank()) {
                sql.append(" AND v.hardware_version = :fHw");
                p.addValue("fHw", f.hardwareVersion().trim());
            }
            if (f.firmwareVersion() != null && !f.firmwareVersion().isBlank()) {
                sql.append(" AND v.firmware_version = :fFw");
                p.addValue("fFw", f.firmwareVersion().trim());
            }
            if (f.supplierId() != null) {
                sql.append(" AND COALESCE(v.supplier_id, m.supplier_id) = :fSupplier");
                p.addValue("fSupplier", f.supplierId());
            }
            if (f.vinPrefix() != null && !f.vinPrefix().isBlank()) {
                sql.append(" AND v.vin LIKE :fPrefix");
                p.addValue("fPrefix", f.vinPrefix().trim() + "%");
            }
        }
        if (explicitVins == null) {
            return jdbc.query(sql + " ORDER BY v.vin", p, (rs, i) -> new Candidate(rs.getString(1), rs.getString(2)));
        }
        List<Candidate> found = new ArrayList<>();
        for (List<String> chunk : Lists.partition(List.copyOf(explicitVins), 1000)) {
            p.addValue("vins", chunk);
            found.addAll(jdbc.query(sql + " AND v.vin IN (:vins) ORDER BY v.vin", p,
                    (rs, i) -> new Candidate(rs.getString(1), rs.getString(2))));
        }
        return found;
    }
}
