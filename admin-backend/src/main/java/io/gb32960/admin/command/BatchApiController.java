package io.gb32960.admin.command;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Batch commands over REST. */
@RestController
@RequestMapping("/api/command-batches")
@Tag(name = "Command batches", description = "one command for every vehicle a filter matches, rate-limited, with a"
        + " result per vehicle")
class BatchApiController {

    private final BatchService batches;

    BatchApiController(BatchService batches) {
        this.batches = batches;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "start a batch; follow it with GET /api/command-batches/{id}")
    BatchView create(@Valid @RequestBody BatchRequest request) {
        return batches.create(request);
    }

    @GetMapping
    @Operation(summary = "batches, newest first, with their progress")
    PageResult<BatchView> list(@RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return batches.page(Paging.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "a batch and its progress (items per status)")
    BatchView get(@PathVariable long id) {
        return batches.get(id);
    }

    @GetMapping("/{id}/items")
    @Operation(summary = "the vehicles of a batch and their results")
    PageResult<BatchItem> items(@PathVariable long id, @RequestParam(required = false) String status,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return batches.items(id, status, Paging.of(page, size));
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "stop a running batch (commands already sent still get their results)")
    void cancel(@PathVariable long id) {
        batches.cancel(id);
    }
}
