package io.gb32960.admin.vehicle;

import io.gb32960.admin.system.PageForms;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.terminal.TerminalModelRepository;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vehicle pages: list with filters (htmx reloads only the table), create, edit, delete. */
@Controller
@RequestMapping("/vehicles")
class VehicleController {

    private final VehicleService vehicles;
    private final VehicleRepository repository;
    private final TerminalModelRepository models;

    VehicleController(VehicleService vehicles, VehicleRepository repository, TerminalModelRepository models) {
        this.vehicles = vehicles;
        this.repository = repository;
        this.models = models;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String vehicleModel,
                @RequestParam(required = false) String terminalModel, @RequestParam(required = false) Boolean online,
                @RequestParam(required = false) String firmwareVersion, @RequestParam(required = false) Boolean enabled,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        VehicleQuery query = new VehicleQuery(q, vehicleModel, terminalModel, online, firmwareVersion, enabled);
        model.addAttribute("query", query);
        model.addAttribute("vehicles", vehicles.page(query, VehiclePageRequest.of(page, 50, after, before)));
        model.addAttribute("base", PageLinks.base("after", "before"));
        if (htmx != null) {
            return "vehicles/list :: table";
        }
        model.addAttribute("vehicleModels", repository.distinctVehicleModels());
        model.addAttribute("terminalModels", models.codes());
        model.addAttribute("firmwareVersions", repository.distinctFirmwareVersions());
        return "vehicles/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, VehicleForm.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") VehicleForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        String vin = form.vin();
        return PageForms.save(errors, redirect, () -> vehicles.create(form), "Vehicle " + vin + " registered",
                "/vehicles/" + vin, () -> form(model, form, null));
    }

    @GetMapping("/{vin}/edit")
    String edit(@PathVariable String vin, Model model) {
        Vehicle v = vehicles.get(vin);
        return form(model, VehicleForm.of(v), v);
    }

    @PostMapping("/{vin}")
    String edit(@PathVariable String vin, @Valid @ModelAttribute("form") VehicleForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        Vehicle v = vehicles.get(vin);
        return PageForms.save(errors, redirect, () -> vehicles.update(vin, form), "Vehicle " + v.vin() + " saved",
                "/vehicles/" + v.vin(), () -> form(model, form, v));
    }

    @PostMapping("/{vin}/delete")
    String delete(@PathVariable String vin, RedirectAttributes redirect) {
        vehicles.delete(vin);
        redirect.addFlashAttribute("notice", "Vehicle " + Vin.normalize(vin) + " deleted");
        return "redirect:/vehicles";
    }

    private String form(Model model, VehicleForm form, Vehicle vehicle) {
        model.addAttribute("form", form);
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("terminalModels", models.codes());
        model.addAttribute("responseStyles", ResponseStyle.values());
        model.addAttribute("upgradeLayouts", UpgradeLayout.values());
        return "vehicles/form";
    }
}
