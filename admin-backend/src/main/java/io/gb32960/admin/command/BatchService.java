package io.gb32960.admin.command;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.vehicle.VehicleQuery;
import io.gb32960.admin.vehicle.VehicleRepository;
import io.gb32960.protocol.control.UpgradeLayout;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch commands: one command for every vehicle a filter matches (thousands), sent by the
 * {@link BatchRunner} at a bounded rate, with a result per vehicle and the progress in SQL.
 */
@Service
public class BatchService {

    /** What a batch stores to run (again, after a restart): the command with secrets masked, its waits. */
    record StoredCommand(CommandSpec command, int timeoutSeconds, int queueMinutes) {
    }

    private final BatchRepository batches;
    private final VehicleRepository vehicles;
    private final BatchRunner runner;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final CommandProperties properties;

    BatchService(BatchRepository batches, VehicleRepository vehicles, BatchRunner runner, AuditLog audit,
                 TransactionTemplate tx, JsonMapper json, Clock clock, CommandProperties properties) {
        this.batches = batches;
        this.vehicles = vehicles;
        this.runner = runner;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    public long count(VehicleQuery filter) {
        return vehicles.count(filter == null ? VehicleQuery.ALL : filter);
    }

    public BatchView create(BatchRequest r) {
        VehicleQuery filter = r.filter() == null ? VehicleQuery.ALL : r.filter();
        CommandSpecs.toDownlink(r.command(), UpgradeLayout.TABLE_B16_BINARY); // refuses a bad command up front
        int rate = r.ratePerSecond() == null ? properties.batchRate() : r.ratePerSecond();
        if (rate > properties.batchRate()) {
            throw AdminException.invalid("ratePerSecond", "at most " + properties.batchRate() + " per second");
        }
        int timeout = r.timeoutSeconds() == null ? (int) properties.defaultTimeout().toSeconds() : r.timeoutSeconds();
        int queue = r.queueMinutes() == null ? 0 : r.queueMinutes();
        List<String> vins = vehicles.vins(filter, properties.batchMaxVehicles() + 1);
        if (vins.isEmpty()) {
            throw AdminException.invalid("filter", "no vehicle matches the filter");
        }
        if (vins.size() > properties.batchMaxVehicles()) {
            throw AdminException.invalid("filter", "more than " + properties.batchMaxVehicles()
                    + " vehicles match; narrow the filter");
        }
        Actor actor = Actor.current();
        String stored = json.writeValueAsString(new StoredCommand(CommandSpecs.masked(r.command()), timeout, queue));
        long id = tx.execute(s -> {
            long batchId = batches.insert(stored, json.writeValueAsString(filter), vins.size(), rate, actor.name(),
                    clock.instant());
            batches.insertItems(batchId, vins);
            Map<String, Object> detail = new LinkedHashMap<>(CommandSpecs.describe(r.command()));
            detail.put("batch", batchId);
            detail.put("vehicles", vins.size());
            detail.put("filter", filter);
            detail.put("ratePerSecond", rate);
            audit.record(actor, "COMMAND_BATCH_CREATE", "command-batch", Long.toString(batchId), detail);
            return batchId;
        });
        runner.submit(id, r.command());
        return get(id);
    }

    public void cancel(long id) {
        get(id);
        if (!batches.setStatus(id, "RUNNING", "CANCELLED", clock.instant())) {
            throw new AdminException(ErrorCode.CONFLICT, "the batch is not running");
        }
        batches.closePending(id, "CANCELLED", clock.instant());
        audit.record("COMMAND_BATCH_CANCEL", "command-batch", Long.toString(id), Map.of());
    }

    public BatchView get(long id) {
        return batches.find(id).orElseThrow(() -> AdminException.notFound("batch " + id));
    }

    public PageResult<BatchView> page(Paging paging) {
        return batches.page(paging);
    }

    public PageResult<BatchItem> items(long id, String status, Paging paging) {
        get(id);
        return batches.items(id, status, paging);
    }
}
