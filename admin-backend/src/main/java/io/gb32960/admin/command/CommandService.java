package io.gb32960.admin.command;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.vehicle.VehicleRepository;
import io.gb32960.admin.vehicle.Vin;
import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends commands to vehicles through the command gateway: checks the command, logs it
 * ({@code command_log}) and audits it before it leaves, and stores the result when it comes (the
 * terminal's answer, or OFFLINE, TIMEOUT...). Nothing here blocks: callers get a future.
 */
@Service
public class CommandService {

    private static final Logger log = LoggerFactory.getLogger(CommandService.class);

    private final CommandGateway gateway;
    private final CommandLogRepository commandLog;
    private final VehicleRepository vehicles;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final CommandProperties properties;
    private final CommandResultExecutor executor;

    CommandService(CommandGateway gateway, CommandLogRepository commandLog, VehicleRepository vehicles, AuditLog audit,
                   TransactionTemplate tx, JsonMapper json, Clock clock, CommandProperties properties,
                   CommandResultExecutor executor) {
        this.executor = executor;
        this.gateway = gateway;
        this.commandLog = commandLog;
        this.vehicles = vehicles;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** A command checked and ready for one vehicle. */
    public record Prepared(String vin, CommandSpec spec, DownlinkCommand command, Duration timeout, Duration queueFor) {
    }

    /**
     * Checks {@code spec} for {@code vin} (a registered vehicle): throws {@link AdminException} naming
     * the field at fault.
     *
     * @param timeout  null = the default; at most {@code max-timeout}
     * @param queueFor null or zero = an offline vehicle gets OFFLINE; else the command waits that long
     */
    public Prepared prepare(String vin, CommandSpec spec, Duration timeout, Duration queueFor) {
        String key = Vin.normalize(vin);
        RegisteredVehicle v = vehicles.registryEntry(key == null ? "" : key)
                .orElseThrow(() -> AdminException.invalid("vin", "no vehicle " + vin));
        return prepare(v, spec, timeout, queueFor);
    }

    Prepared prepare(RegisteredVehicle v, CommandSpec spec, Duration timeout, Duration queueFor) {
        Duration t = timeout == null ? properties.defaultTimeout() : timeout;
        if (t.isNegative() || t.isZero() || t.compareTo(properties.maxTimeout()) > 0) {
            throw AdminException.invalid("timeoutSeconds", "1 s to " + properties.maxTimeout().toSeconds() + " s");
        }
        if (queueFor != null && (queueFor.isNegative() || queueFor.compareTo(Duration.ofDays(7)) > 0)) {
            throw AdminException.invalid("queueMinutes", "0 to 7 days");
        }
        return new Prepared(v.vin(), spec, CommandSpecs.toDownlink(spec, v.upgradeLayout()), t, queueFor);
    }

    /** A command on its way: its log row, and its outcome to come. */
    public record Sent(long logId, CompletableFuture<CommandOutcome> outcome) {
    }

    /** Logs, audits and sends; the outcome completes with the result (never exceptionally). */
    public Sent send(Prepared p, Actor actor) {
        return send(p, actor, true);
    }

    /** As {@link #send(Prepared, Actor)}; {@code audit} false for the commands of a batch (audited once). */
    Sent send(Prepared p, Actor actor, boolean audit) {
        Map<String, Object> described = CommandSpecs.describe(p.spec());
        String request = json.writeValueAsString(described);
        long logId = tx.execute(s -> {
            long id = commandLog.insert(UUID.randomUUID().toString(), p.vin(),
                    CommandSpecs.commandByte(p.spec().type()), request, actor.name(), clock.instant());
            if (audit) {
                Map<String, Object> detail = new LinkedHashMap<>(described);
                detail.put("commandLogId", id);
                this.audit.record(actor, "COMMAND_SEND", "vehicle", p.vin(), detail);
            }
            return id;
        });
        CompletableFuture<CommandResult> sent;
        try {
            sent = gateway.send(p.vin(), p.command(), p.timeout(), p.queueFor());
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(CommandResult.of(UUID.randomUUID().toString(), p.vin(),
                    CommandResult.Status.SEND_FAILED, "not sent: " + e.getMessage(), ""));
        }
        return new Sent(logId, sent.handle((r, e) -> e != null ? CommandResult.of(UUID.randomUUID().toString(), p.vin(),
                        CommandResult.Status.SEND_FAILED, "gateway: " + e.getMessage(), "") : r)
                .thenApplyAsync(r -> {
                    try {
                        commandLog.complete(logId, r);
                    } catch (RuntimeException e) {
                        log.warn("result of command {} for {} not stored: {}", logId, p.vin(), e.toString());
                    }
                    return CommandOutcome.of(logId, r);
                }, executor));
    }

    public CommandLogEntry entry(long id) {
        return commandLog.find(id).orElseThrow(() -> AdminException.notFound("command " + id));
    }

    public PageResult<CommandLogEntry> log(CommandLogRepository.Query q, Paging paging) {
        return commandLog.page(q, paging);
    }
}
