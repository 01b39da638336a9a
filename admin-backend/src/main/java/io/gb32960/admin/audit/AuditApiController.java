package io.gb32960.admin.audit;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The audit log over REST (ADMIN). */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit log", description = "every change and every command sent: who, what, when (ADMIN)")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "search the audit log, newest first")
    PageResult<AuditEntry> search(@RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String targetType,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return audit.search(new AuditQuery(actor, action, targetType, target, from, to), Paging.of(page, size));
    }
}
