package io.gb32960.admin.vehicle;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Csv;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bulk registration from CSV: a header row names the columns ({@code vin} required; {@code plate},
 * {@code vehicleModel}, {@code terminalModel}, {@code iccid}, {@code firmwareVersion},
 * {@code hardwareVersion}, {@code enabled}, {@code responseStyle}, {@code upgradeLayout}; snake_case
 * too). Every row is checked and stored on its own (a bad row does not stop the others) exactly as
 * one vehicle from the form would be, mirrored to Redis and audited; the report lists each bad
 * row with the field at fault.
 */
@Service
public class VehicleImport {

    private static final int MAX_ERRORS = 1000;
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("vin", "vin"), Map.entry("plate", "plate"),
            Map.entry("vehiclemodel", "vehicleModel"), Map.entry("vehicle_model", "vehicleModel"),
            Map.entry("terminalmodel", "terminalModel"), Map.entry("terminal_model", "terminalModel"),
            Map.entry("iccid", "iccid"),
            Map.entry("firmwareversion", "firmwareVersion"), Map.entry("firmware_version", "firmwareVersion"),
            Map.entry("hardwareversion", "hardwareVersion"), Map.entry("hardware_version", "hardwareVersion"),
            Map.entry("enabled", "enabled"),
            Map.entry("responsestyle", "responseStyle"), Map.entry("response_style", "responseStyle"),
            Map.entry("upgradelayout", "upgradeLayout"), Map.entry("upgrade_layout", "upgradeLayout"));

    /** A row that was not stored; {@code row} counts from 1 (the header), as spreadsheets do. */
    public record RowError(int row, String vin, String field, String message) {
    }

    /**
     * @param rows      data rows read
     * @param truncated whether more errors happened than are listed
     */
    public record ImportReport(int rows, int created, int updated, int failed, List<RowError> errors,
                               boolean truncated) {
    }

    private final VehicleService vehicles;
    private final VehicleRepository repository;
    private final Validator validator;
    private final AuditLog audit;
    private final VehicleProperties properties;

    VehicleImport(VehicleService vehicles, VehicleRepository repository, Validator validator, AuditLog audit,
                  VehicleProperties properties) {
        this.vehicles = vehicles;
        this.repository = repository;
        this.validator = validator;
        this.audit = audit;
        this.properties = properties;
    }

    /** @param update whether rows of existing VINs change those vehicles (else they are errors) */
    public ImportReport importCsv(Reader in, boolean update) {
        List<List<String>> records;
        try {
            records = Csv.read(in, properties.importMaxRows() + 1);
        } catch (IOException e) {
            throw AdminException.invalid("file", "not readable as CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw AdminException.invalid("file", "empty: a header row and vehicle rows are expected");
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) {
            String name = COLUMNS.get(h.trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw AdminException.invalid("file", "unknown column '" + h.trim() + "'; columns: " + String.join(", ",
                        List.of("vin", "plate", "vehicleModel", "terminalModel", "iccid", "firmwareVersion",
                                "hardwareVersion", "enabled", "responseStyle", "upgradeLayout")));
            }
            header.add(name);
        }
        if (!header.contains("vin")) {
            throw AdminException.invalid("file", "the header has no vin column");
        }
        int created = 0;
        int updated = 0;
        List<RowError> errors = new ArrayList<>();
        int failed = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            int rowNumber = r + 1;
            Map<String, String> row = new HashMap<>();
            List<String> cells = records.get(r);
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            String vin = Vin.normalize(row.get("vin"));
            RowError error;
            try {
                if (cells.size() > header.size()) {
                    throw AdminException.invalid("file", "more fields than columns");
                }
                Integer earlier = vin == null ? null : seen.putIfAbsent(vin, rowNumber);
                if (earlier != null) {
                    throw AdminException.invalid("vin", "VIN repeated (row " + earlier + ")");
                }
                VehicleForm form = form(row);
                Set<ConstraintViolation<VehicleForm>> violations = validator.validate(form);
                if (!violations.isEmpty()) {
                    ConstraintViolation<VehicleForm> v = violations.iterator().next();
                    throw AdminException.invalid(v.getPropertyPath().toString(), v.getMessage());
                }
                if (repository.exists(form.vin())) {
                    if (!update) {
                        throw AdminException.duplicate("vin", "vehicle exists (import with update to change it)");
                    }
                    vehicles.update(form.vin(), form);
                    updated++;
                } else {
                    vehicles.create(form);
                    created++;
                }
                continue;
            } catch (AdminException e) {
                error = new RowError(rowNumber, vin, e.field(), e.getMessage());
            }
            failed++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            }
        }
        ImportReport report = new ImportReport(records.size() - 1, created, updated, failed, errors,
                failed > errors.size());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rows", report.rows());
        detail.put("created", created);
        detail.put("updated", updated);
        detail.put("failed", failed);
        audit.record("VEHICLE_IMPORT", "vehicle", null, detail);
        return report;
    }

    private static VehicleForm form(Map<String, String> row) {
        return new VehicleForm(row.get("vin"), row.get("plate"), row.get("vehicleModel"), row.get("terminalModel"),
                parse(ResponseStyle.class, row.get("responseStyle"), "responseStyle"),
                parse(UpgradeLayout.class, row.get("upgradeLayout"), "upgradeLayout"), row.get("iccid"),
                row.get("firmwareVersion"), row.get("hardwareVersion"), enabled(row.get("enabled")));
    }

    private static boolean enabled(String s) {
        if (s == null || s.isBlank()) {
            return true;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y":
                return true;
            case "false", "no", "0", "n":
                return false;
            default:
                throw AdminException.invalid("enabled", "true or false");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
