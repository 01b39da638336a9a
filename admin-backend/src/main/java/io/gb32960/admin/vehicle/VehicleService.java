package io.gb32960.admin.vehicle;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.registry.RegistryMirror;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.terminal.TerminalModelRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Vehicles: MySQL is the truth, and every change is mirrored to the Redis registry after it
 * committed (a failed mirror is reported; the resync repairs it). VINs are checked per GB 16735
 * ({@link Vin}), VINs and ICCIDs are unique.
 */
@Service
public class VehicleService {

    private final VehicleRepository vehicles;
    private final TerminalModelRepository models;
    private final RegistryMirror mirror;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final VehicleProperties properties;

    VehicleService(VehicleRepository vehicles, TerminalModelRepository models, RegistryMirror mirror, AuditLog audit,
                   TransactionTemplate tx, VehicleProperties properties) {
        this.vehicles = vehicles;
        this.models = models;
        this.mirror = mirror;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public VehiclePage page(VehicleQuery q, VehiclePageRequest request) {
        return vehicles.page(q, request);
    }

    @Transactional(readOnly = true)
    public Vehicle get(String vin) {
        return vehicles.find(Vin.normalize(vin)).orElseThrow(() -> AdminException.notFound("vehicle " + vin));
    }

    public Vehicle create(VehicleForm form) {
        Vin.problem(form.vin(), properties.vinCheck()).ifPresent(p -> {
            throw AdminException.invalid("vin", p);
        });
        tx.executeWithoutResult(s -> {
            if (vehicles.exists(form.vin())) {
                throw AdminException.duplicate("vin", "vehicle " + form.vin() + " exists");
            }
            Long supplier = checkReferences(form);
            try {
                vehicles.insert(form, supplier);
            } catch (DuplicateKeyException e) {
                throw duplicate(form, e);
            }
            audit.record("VEHICLE_CREATE", "vehicle", form.vin(), describe(form));
        });
        mirror(form.vin());
        return get(form.vin());
    }

    public Vehicle update(String vin, VehicleForm form) {
        String key = Vin.normalize(vin);
        if (!key.equals(form.vin())) {
            throw AdminException.invalid("vin", "the VIN of a vehicle cannot be changed");
        }
        tx.executeWithoutResult(s -> {
            Vehicle before = vehicles.find(key).orElseThrow(() -> AdminException.notFound("vehicle " + vin));
            Long supplier = checkReferences(form);
            try {
                vehicles.update(form, supplier);
            } catch (DuplicateKeyException e) {
                throw duplicate(form, e);
            }
            audit.record("VEHICLE_UPDATE", "vehicle", key, changes(VehicleForm.of(before), form));
        });
        mirror(key);
        return get(key);
    }

    public void delete(String vin) {
        String key = Vin.normalize(vin);
        tx.executeWithoutResult(s -> {
            if (!vehicles.delete(key)) {
                throw AdminException.notFound("vehicle " + vin);
            }
            audit.record("VEHICLE_DELETE", "vehicle", key, Map.of());
        });
        mirror.removeVehicle(key);
    }

    /** Writes the vehicle's registry entry as MySQL has it now. */
    void mirror(String vin) {
        vehicles.registryEntry(vin).ifPresent(mirror::vehicle);
    }

    /** The supplier of the vehicle's terminal model; refuses an unknown model and an ICCID of another vehicle. */
    private Long checkReferences(VehicleForm form) {
        if (form.iccid() != null) {
            vehicles.vinOfIccid(form.iccid()).filter(other -> !other.equals(form.vin())).ifPresent(other -> {
                throw AdminException.duplicate("iccid", "ICCID " + form.iccid() + " belongs to " + other);
            });
        }
        if (form.terminalModel() == null) {
            return null;
        }
        return models.find(form.terminalModel())
                .orElseThrow(() -> AdminException.invalid("terminalModel", "no terminal model " + form.terminalModel()))
                .supplierId();
    }

    private static AdminException duplicate(VehicleForm form, DuplicateKeyException e) {
        String m = String.valueOf(e.getMostSpecificCause().getMessage());
        return m.contains("iccid") ? AdminException.duplicate("iccid", "ICCID " + form.iccid() + " is taken")
                : AdminException.duplicate("vin", "vehicle " + form.vin() + " exists");
    }

    static Map<String, Object> describe(VehicleForm f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("plate", f.plate());
        d.put("vehicleModel", f.vehicleModel());
        d.put("terminalModel", f.terminalModel());
        d.put("responseStyle", f.responseStyle());
        d.put("upgradeLayout", f.upgradeLayout());
        d.put("iccid", f.iccid());
        d.put("firmwareVersion", f.firmwareVersion());
        d.put("hardwareVersion", f.hardwareVersion());
        d.put("enabled", f.enabled());
        return d;
    }

    /** Only what changed: {@code field: [before, after]}. */
    static Map<String, Object> changes(VehicleForm before, VehicleForm after) {
        Map<String, Object> b = describe(before);
        Map<String, Object> a = describe(after);
        Map<String, Object> d = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!Objects.equals(String.valueOf(b.get(k)), String.valueOf(v))) {
                d.put(k, new Object[]{b.get(k), v});
            }
        });
        return d;
    }
}
