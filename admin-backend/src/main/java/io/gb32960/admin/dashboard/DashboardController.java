package io.gb32960.admin.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of fleet users. */
@Controller
class DashboardController {

    @GetMapping("/dashboard")
    String dashboard() {
        return "dashboard";
    }
}
