package io.gb32960.admin.command;

import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.vehicle.VehicleQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Batch command pages: list, new (for the vehicles of a filter), progress (refreshes itself). */
@Controller
@RequestMapping("/command-batches")
class BatchController {

    private final BatchService batches;
    private final CommandProperties properties;

    BatchController(BatchService batches, CommandProperties properties) {
        this.batches = batches;
        this.properties = properties;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("batches", batches.page(Paging.of(page, 50)));
        model.addAttribute("base", PageLinks.base());
        return "command-batches/list";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String q, @RequestParam(required = false) String vehicleModel,
                @RequestParam(required = false) String terminalModel, @RequestParam(required = false) Boolean online,
                @RequestParam(required = false) String firmwareVersion, @RequestParam(required = false) Boolean enabled,
                Model model) {
        return form(model, new VehicleQuery(q, vehicleModel, terminalModel, online, firmwareVersion, enabled), null);
    }

    @PostMapping
    String create(@RequestParam(required = false) String q, @RequestParam(required = false) String vehicleModel,
                  @RequestParam(required = false) String terminalModel, @RequestParam(required = false) Boolean online,
                  @RequestParam(required = false) String firmwareVersion,
                  @RequestParam(required = false) Boolean enabled, @RequestParam CommandSpec.Type type,
                  @RequestParam(required = false) Integer ratePerSecond,
                  @RequestParam(required = false) Integer timeoutSeconds,
                  @RequestParam(required = false) Integer queueMinutes,
                  @RequestParam MultiValueMap<String, String> params, Model model) {
        VehicleQuery filter = new VehicleQuery(q, vehicleModel, terminalModel, online, firmwareVersion, enabled);
        try {
            BatchView b = batches.create(new BatchRequest(filter, PageCommandSpecs.from(type, params), ratePerSecond,
                    timeoutSeconds, queueMinutes));
            return "redirect:/command-batches/" + b.id();
        } catch (AdminException e) {
            return form(model, filter, e.getMessage());
        }
    }

    @GetMapping("/{id}")
    String progress(@PathVariable long id, @RequestParam(required = false) String status,
                    @RequestParam(required = false) Integer page,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("batch", batches.get(id));
        if (htmx != null) {
            return "command-batches/progress :: progress";
        }
        model.addAttribute("status", status);
        model.addAttribute("items", batches.items(id, status, Paging.of(page, 100)));
        model.addAttribute("base", PageLinks.base());
        return "command-batches/progress";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            batches.cancel(id);
            redirect.addFlashAttribute("notice", "Batch cancelled");
        } catch (AdminException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/command-batches/" + id;
    }

    private String form(Model model, VehicleQuery filter, String problem) {
        model.addAttribute("filter", filter);
        model.addAttribute("count", batches.count(filter));
        model.addAttribute("problem", problem);
        model.addAttribute("allParameters", ParameterRule.all());
        model.addAttribute("settable", ParameterRule.settableOnes());
        model.addAttribute("controls", CommandController.controls());
        model.addAttribute("maxRate", properties.batchRate());
        return "command-batches/new";
    }
}
