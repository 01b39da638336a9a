package io.gb32960.admin.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry resync over REST (ADMIN). */
@RestController
@RequestMapping("/api/registry")
@Tag(name = "Registry", description = "the Redis registry the access nodes read, rebuilt from MySQL (ADMIN)")
class RegistryApiController {

    private final RegistryResync resync;

    RegistryApiController(RegistryResync resync) {
        this.resync = resync;
    }

    @PostMapping("/resync")
    @Operation(summary = "write every vehicle and platform account to Redis again; removeOrphans also deletes"
            + " registry entries that MySQL does not have")
    ResyncReport resync(@RequestParam(defaultValue = "false") boolean removeOrphans) {
        return resync.resync(removeOrphans);
    }
}
