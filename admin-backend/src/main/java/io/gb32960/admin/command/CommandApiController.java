package io.gb32960.admin.command;

import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Remote commands over REST: send (and wait for the answer, or not), the command log. */
@RestController
@RequestMapping("/api/commands")
@Tag(name = "Commands", description = "query 0x80, set 0x81 and terminal control 0x82 through the command gateway")
class CommandApiController {

    private final CommandService commands;

    CommandApiController(CommandService commands) {
        this.commands = commands;
    }

    /**
     * A command for one vehicle.
     *
     * @param timeoutSeconds how long to wait for the answer (default 30)
     * @param queueMinutes   an offline vehicle's command waits this long for its next login (0 = OFFLINE at once)
     * @param awaitResult    false: answer 202 with the command log id at once and store the result later
     */
    record SendRequest(@NotBlank String vin, @NotNull @Valid CommandSpec command,
                       @Min(1) @Max(600) Integer timeoutSeconds, @Min(0) @Max(10_080) Integer queueMinutes,
                       Boolean awaitResult) {
    }

    /** A command accepted without waiting: where its result will be. */
    record Accepted(long logId, String status) {
    }

    @PostMapping
    @Operation(summary = "send a command to a vehicle; by default waits for the result (ANSWERED with the answer,"
            + " REJECTED, OFFLINE, TIMEOUT, SEND_FAILED, QUEUED)")
    CompletableFuture<ResponseEntity<Object>> send(@Valid @RequestBody SendRequest r) {
        CommandService.Prepared p = commands.prepare(r.vin(), r.command(),
                r.timeoutSeconds() == null ? null : Duration.ofSeconds(r.timeoutSeconds()),
                r.queueMinutes() == null ? null : Duration.ofMinutes(r.queueMinutes()));
        CommandService.Sent sent = commands.send(p, Actor.current());
        if (Boolean.FALSE.equals(r.awaitResult())) {
            return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new Accepted(sent.logId(), "SENT")));
        }
        return sent.outcome().thenApply(o -> ResponseEntity.ok(o));
    }

    @GetMapping
    @Operation(summary = "the command log, newest first")
    PageResult<CommandLogEntry> log(@RequestParam(required = false) String vin,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return commands.log(new CommandLogRepository.Query(vin, status, from, to), Paging.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "one command and its result")
    CommandLogEntry get(@PathVariable long id) {
        return commands.entry(id);
    }

    @GetMapping("/parameters")
    @Operation(summary = "the terminal parameters (Table B.12) with their ranges")
    List<ParameterRule> parameters() {
        return ParameterRule.all();
    }
}
