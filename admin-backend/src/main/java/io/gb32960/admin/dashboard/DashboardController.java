package io.gb32960.admin.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The start page of fleet users (it refreshes its figures every 10 s). */
@Controller
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("d", dashboard.snapshot());
        return htmx != null ? "dashboard :: figures" : "dashboard";
    }
}
