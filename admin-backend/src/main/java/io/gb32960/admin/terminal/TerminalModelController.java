package io.gb32960.admin.terminal;

import io.gb32960.admin.system.PageForms;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Terminal model pages. */
@Controller
@RequestMapping("/terminal-models")
class TerminalModelController {

    private final TerminalModelService models;

    TerminalModelController(TerminalModelService models) {
        this.models = models;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("models", models.all());
        return "terminal-models/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, TerminalModelForm.empty(), false);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") TerminalModelForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        return PageForms.save(errors, redirect, () -> models.create(form), "Terminal model " + form.code() + " created",
                "/terminal-models", () -> form(model, form, false));
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        return form(model, TerminalModelForm.of(models.get(code)), true);
    }

    @PostMapping("/{code}")
    String edit(@PathVariable String code, @Valid @ModelAttribute("form") TerminalModelForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        models.get(code);
        return PageForms.save(errors, redirect, () -> models.update(code, form), "Terminal model " + code + " saved",
                "/terminal-models", () -> form(model, form, true));
    }

    @PostMapping("/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        return PageForms.act(redirect, () -> models.delete(code), "Terminal model " + code + " deleted",
                "/terminal-models");
    }

    private String form(Model model, TerminalModelForm form, boolean existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("suppliers", models.supplierCodes());
        model.addAttribute("responseStyles", ResponseStyle.values());
        model.addAttribute("upgradeLayouts", UpgradeLayout.values());
        return "terminal-models/form";
    }
}
