package io.gb32960.admin.audit;

import io.gb32960.admin.system.Formats;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.system.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page (ADMIN). */
@Controller
@RequestMapping("/audit")
class AuditController {

    private final AuditLog audit;
    private final Formats fmt;

    AuditController(AuditLog audit, Formats fmt) {
        this.audit = audit;
        this.fmt = fmt;
    }

    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String targetType, @RequestParam(required = false) String target,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        AuditQuery q = new AuditQuery(actor, action, targetType, target, fmt.parse(from), fmt.parse(to));
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entries", audit.search(q, Paging.of(page, 100)));
        model.addAttribute("base", PageLinks.base());
        return "audit";
    }
}
