package io.gb32960.admin.terminal;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.registry.RegistryMirror;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.vehicle.VehicleRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terminal models. A model's protocol profile is part of its vehicles' registry entries, so a
 * change re-mirrors them.
 */
@Service
public class TerminalModelService {

    private final TerminalModelRepository models;
    private final VehicleRepository vehicles;
    private final RegistryMirror mirror;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    TerminalModelService(TerminalModelRepository models, VehicleRepository vehicles, RegistryMirror mirror,
                         AuditLog audit, TransactionTemplate tx) {
        this.models = models;
        this.vehicles = vehicles;
        this.mirror = mirror;
        this.audit = audit;
        this.tx = tx;
    }

    public List<TerminalModel> all() {
        return models.all();
    }

    public TerminalModel get(String code) {
        return models.find(code).orElseThrow(() -> AdminException.notFound("terminal model " + code));
    }

    public List<String> supplierCodes() {
        return models.supplierCodes();
    }

    public TerminalModel create(TerminalModelForm form) {
        tx.executeWithoutResult(s -> {
            try {
                models.insert(form, supplier(form));
            } catch (DuplicateKeyException e) {
                throw AdminException.duplicate("code", "terminal model " + form.code() + " exists");
            }
            audit.record("TERMINAL_MODEL_CREATE", "terminal-model", form.code(), describe(form));
        });
        return get(form.code());
    }

    public TerminalModel update(String code, TerminalModelForm form) {
        if (!code.equals(form.code())) {
            throw AdminException.invalid("code", "the code of a terminal model cannot be changed");
        }
        tx.executeWithoutResult(s -> {
            get(code);
            Long supplier = supplier(form);
            models.update(form, supplier);
            models.setVehicleSuppliers(code, supplier);
            audit.record("TERMINAL_MODEL_UPDATE", "terminal-model", code, describe(form));
        });
        mirror.vehicles(vehicles.registryEntriesOfModel(code));
        return get(code);
    }

    public void delete(String code) {
        tx.executeWithoutResult(s -> {
            TerminalModel m = get(code);
            if (m.vehicles() > 0) {
                throw new AdminException(ErrorCode.CONFLICT, m.vehicles() + " vehicles use terminal model " + code);
            }
            models.delete(code);
            audit.record("TERMINAL_MODEL_DELETE", "terminal-model", code, Map.of());
        });
    }

    private Long supplier(TerminalModelForm form) {
        if (form.supplierCode() == null) {
            return null;
        }
        return models.supplierId(form.supplierCode())
                .orElseThrow(() -> AdminException.invalid("supplierCode", "no supplier " + form.supplierCode()));
    }

    private static Map<String, Object> describe(TerminalModelForm f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", f.name());
        d.put("supplier", f.supplierCode());
        d.put("edition", f.edition());
        d.put("responseStyle", f.responseStyle());
        d.put("upgradeLayout", f.upgradeLayout());
        return d;
    }
}
