package io.gb32960.admin.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures over REST. */
@RestController
@Tag(name = "Dashboard", description = "vehicles, online, frames per minute, alarms today, nodes")
class DashboardApiController {

    private final DashboardService dashboard;

    DashboardApiController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "the dashboard's figures")
    DashboardService.Snapshot snapshot() {
        return dashboard.snapshot();
    }
}
