package io.gb32960.admin.alarm;

import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Formats;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.system.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alarm pages: list with filters (level 3 highlighted), detail, acknowledgement. */
@Controller
@RequestMapping("/alarms")
class AlarmController {

    private final AlarmService alarms;
    private final Formats fmt;

    AlarmController(AlarmService alarms, Formats fmt) {
        this.alarms = alarms;
        this.fmt = fmt;
    }

    @GetMapping
    String list(@RequestParam(required = false) String vin, @RequestParam(required = false) Integer minLevel,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Boolean acknowledged, @RequestParam(required = false) String flag,
                @RequestParam(required = false) Integer page, Model model) {
        AlarmQuery q = new AlarmQuery(vin, minLevel, fmt.parse(from), fmt.parse(to), acknowledged, flag);
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("alarms", alarms.page(q, Paging.of(page, 50)));
        model.addAttribute("base", PageLinks.base());
        return "alarms/list";
    }

    @GetMapping("/{vin}/{at}/{command}")
    String detail(@PathVariable String vin, @PathVariable long at, @PathVariable int command, Model model) {
        model.addAttribute("alarm", alarms.get(vin, at, command));
        return "alarms/detail";
    }

    @PostMapping("/{vin}/{at}/{command}/ack")
    String acknowledge(@PathVariable String vin, @PathVariable long at, @PathVariable int command,
                       @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        if (comment != null && comment.length() > 1000) {
            redirect.addFlashAttribute("problem", "the comment has at most 1000 characters");
        } else {
            try {
                alarms.acknowledge(vin, at, command, comment);
                redirect.addFlashAttribute("notice", "Alarm acknowledged");
            } catch (AdminException e) {
                redirect.addFlashAttribute("problem", e.getMessage());
            }
        }
        return "redirect:/alarms/" + vin + "/" + at + "/" + command;
    }
}
