package io.gb32960.admin.command;

import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Formats;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.system.Paging;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.protocol.control.TerminalControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command pages: the log, a form per command type (query: parameters to read; set: a field
 * per settable parameter, checked against its range; control: every control id with its
 * parameters), and one command's page, which refreshes itself (htmx) until the result is in.
 */
@Controller
@RequestMapping("/commands")
class CommandController {

    private final CommandService commands;
    private final Formats fmt;

    CommandController(CommandService commands, Formats fmt) {
        this.commands = commands;
        this.fmt = fmt;
    }

    @GetMapping
    String log(@RequestParam(required = false) String vin, @RequestParam(required = false) String status,
               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(required = false) Integer page, Model model) {
        CommandLogRepository.Query q = new CommandLogRepository.Query(vin, status, fmt.parse(from), fmt.parse(to));
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("statuses", statuses());
        model.addAttribute("entries", commands.log(q, Paging.of(page, 50)));
        model.addAttribute("base", PageLinks.base());
        return "commands/log";
    }

    @GetMapping("/{id}")
    String entry(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                 Model model) {
        model.addAttribute("entry", commands.entry(id));
        return htmx != null ? "commands/entry :: result" : "commands/entry";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String vin, Model model) {
        return form(model, vin, Map.of(), null);
    }

    @PostMapping("/query")
    String query(@RequestParam String vin, @RequestParam MultiValueMap<String, String> params,
                 @RequestParam(required = false) Integer timeoutSeconds, Model model) {
        return send(model, vin, CommandSpec.Type.QUERY, params, timeoutSeconds, null);
    }

    @PostMapping("/set")
    String set(@RequestParam String vin, @RequestParam MultiValueMap<String, String> params,
               @RequestParam(required = false) Integer timeoutSeconds,
               @RequestParam(required = false) Integer queueMinutes, Model model) {
        return send(model, vin, CommandSpec.Type.SET, params, timeoutSeconds, queueMinutes);
    }

    @PostMapping("/control")
    String control(@RequestParam String vin, @RequestParam MultiValueMap<String, String> params,
                   @RequestParam(required = false) Integer timeoutSeconds,
                   @RequestParam(required = false) Integer queueMinutes, Model model) {
        return send(model, vin, CommandSpec.Type.CONTROL, params, timeoutSeconds, queueMinutes);
    }

    private String send(Model model, String vin, CommandSpec.Type type, MultiValueMap<String, String> params,
                        Integer timeoutSeconds, Integer queueMinutes) {
        Map<String, String> entered = new LinkedHashMap<>(params.toSingleValueMap());
        entered.remove("password");
        try {
            CommandSpec spec = PageCommandSpecs.from(type, params);
            CommandService.Prepared p = commands.prepare(vin, spec,
                    timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds),
                    queueMinutes == null || queueMinutes == 0 ? null : Duration.ofMinutes(queueMinutes));
            CommandService.Sent sent = commands.send(p, Actor.current());
            return "redirect:/commands/" + sent.logId();
        } catch (AdminException e) {
            return form(model, vin, entered, e.getMessage());
        }
    }

    private String form(Model model, String vin, Map<String, String> entered, String problem) {
        model.addAttribute("vin", vin);
        model.addAttribute("entered", entered);
        model.addAttribute("problem", problem);
        model.addAttribute("allParameters", ParameterRule.all());
        model.addAttribute("settable", ParameterRule.settableOnes());
        model.addAttribute("controls", controls());
        return "commands/new";
    }

    /** Every control id of Table B.14 with its name. */
    static Map<Integer, String> controls() {
        Map<Integer, String> c = new LinkedHashMap<>();
        for (int id = TerminalControl.REMOTE_UPGRADE; id <= TerminalControl.OPEN_SAMPLING_LINK; id++) {
            c.put(id, String.format("0x%02X %s", id, TerminalControl.nameOf(id)));
        }
        return c;
    }

    static List<String> statuses() {
        List<String> s = new ArrayList<>(List.of("SENT"));
        for (CommandResult.Status st : CommandResult.Status.values()) {
            s.add(st.name());
        }
        return s;
    }
}
