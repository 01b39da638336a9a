package io.gb32960.admin.alarm;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Alarms over REST; an alarm is addressed by VIN, collection time (epoch seconds) and command (2 or 3). */
@RestController
@RequestMapping("/api/alarms")
@Tag(name = "Alarms", description = "frames with alarms (written by the consumers), acknowledgements")
class AlarmApiController {

    private final AlarmService alarms;

    AlarmApiController(AlarmService alarms) {
        this.alarms = alarms;
    }

    /** An acknowledgement's comment. */
    record Acknowledgement(@Size(max = 1000) String comment) {
    }

    @GetMapping
    @Operation(summary = "alarms, newest first")
    PageResult<Alarm> list(@RequestParam(required = false) String vin, @RequestParam(required = false) Integer minLevel,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                           @RequestParam(required = false) Boolean acknowledged,
                           @RequestParam(required = false) String flag,
                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return alarms.page(new AlarmQuery(vin, minLevel, from, to, acknowledged, flag), Paging.of(page, size));
    }

    @GetMapping("/{vin}/{at}/{command}")
    @Operation(summary = "one alarm")
    Alarm get(@PathVariable String vin, @PathVariable long at, @PathVariable int command) {
        return alarms.get(vin, at, command);
    }

    @PostMapping("/{vin}/{at}/{command}/ack")
    @Operation(summary = "acknowledge an alarm with a comment (once)")
    Alarm acknowledge(@PathVariable String vin, @PathVariable long at, @PathVariable int command,
                      @Valid @RequestBody Acknowledgement ack) {
        return alarms.acknowledge(vin, at, command, ack.comment());
    }
}
