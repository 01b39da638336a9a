package io.gb32960.admin.registry;

import io.gb32960.admin.system.AdminException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resync button of the vehicles page (ADMIN). */
@Controller
class RegistryController {

    private final RegistryResync resync;

    RegistryController(RegistryResync resync) {
        this.resync = resync;
    }

    @PostMapping("/registry/resync")
    String resync(@RequestParam(defaultValue = "false") boolean removeOrphans, RedirectAttributes redirect) {
        try {
            ResyncReport r = resync.resync(removeOrphans);
            redirect.addFlashAttribute("notice", "Registry rebuilt from MySQL: " + r.vehicles() + " vehicles, "
                    + r.accounts() + " platform accounts written; " + r.orphanVehicles() + " vehicles and "
                    + r.orphanAccounts() + " accounts removed from Redis (" + r.took().toMillis() + " ms)");
        } catch (AdminException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/vehicles";
    }
}
