package io.gb32960.admin.terminal;

import io.gb32960.admin.platform.PlatformAccountService;
import io.gb32960.admin.platform.PlatformAccountView;
import io.gb32960.admin.system.PageForms;
import io.gb32960.admin.vehicle.Vin;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.TreeSet;

/** Terminal configuration pages (ADMIN): per model, per vehicle, and the vehicle's terminal secret. */
@Controller
class TerminalConfigController {

    private final TerminalConfigService configs;
    private final TerminalSecrets secrets;
    private final TerminalModelService models;
    private final PlatformAccountService accounts;
    private final TerminalConfigProperties properties;

    TerminalConfigController(TerminalConfigService configs, TerminalSecrets secrets, TerminalModelService models,
                             PlatformAccountService accounts, TerminalConfigProperties properties) {
        this.configs = configs;
        this.secrets = secrets;
        this.models = models;
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/terminal-config/models/{code}")
    String model(@PathVariable String code, Model model) {
        models.get(code);
        return page(model, TerminalConfig.Scope.MODEL, code,
                TerminalConfigForm.of(configs.get(TerminalConfig.Scope.MODEL, code).orElse(null)));
    }

    @PostMapping("/terminal-config/models/{code}")
    String saveModel(@PathVariable String code, @Valid @ModelAttribute("form") TerminalConfigForm form,
                     BindingResult errors, Model model, RedirectAttributes redirect) {
        models.get(code);
        return save(model, redirect, TerminalConfig.Scope.MODEL, code, form, errors);
    }

    @GetMapping("/terminal-config/vehicles/{vin}")
    String vehicle(@PathVariable String vin, Model model) {
        String v = Vin.normalize(vin);
        return page(model, TerminalConfig.Scope.VEHICLE, v,
                TerminalConfigForm.of(configs.get(TerminalConfig.Scope.VEHICLE, v).orElse(null)));
    }

    @PostMapping("/terminal-config/vehicles/{vin}")
    String saveVehicle(@PathVariable String vin, @Valid @ModelAttribute("form") TerminalConfigForm form,
                       BindingResult errors, Model model, RedirectAttributes redirect) {
        return save(model, redirect, TerminalConfig.Scope.VEHICLE, Vin.normalize(vin), form, errors);
    }

    @PostMapping("/terminal-config/vehicles/{vin}/delete")
    String deleteVehicle(@PathVariable String vin, RedirectAttributes redirect) {
        configs.delete(TerminalConfig.Scope.VEHICLE, vin);
        redirect.addFlashAttribute("notice", "Overrides removed");
        return "redirect:/terminal-config/vehicles/" + Vin.normalize(vin);
    }

    @PostMapping("/vehicles/{vin}/secret")
    String rotateSecret(@PathVariable String vin, Model model) {
        TerminalSecrets.NewSecret secret = secrets.rotate(vin);
        model.addAttribute("secret", secret);
        return page(model, TerminalConfig.Scope.VEHICLE, secret.vin(),
                TerminalConfigForm.of(configs.get(TerminalConfig.Scope.VEHICLE, secret.vin()).orElse(null)));
    }

    private String save(Model model, RedirectAttributes redirect, TerminalConfig.Scope scope, String key,
                        TerminalConfigForm form, BindingResult errors) {
        String next = "/terminal-config/" + (scope == TerminalConfig.Scope.MODEL ? "models/" : "vehicles/") + key;
        return PageForms.save(errors, redirect, () -> configs.save(scope, key, form), "Configuration saved", next,
                () -> page(model, scope, key, form));
    }

    private String page(Model model, TerminalConfig.Scope scope, String key, TerminalConfigForm form) {
        model.addAttribute("scope", scope.name());
        model.addAttribute("key", key);
        model.addAttribute("form", form);
        model.addAttribute("stored", configs.get(scope, key).orElse(null));
        model.addAttribute("defaults", properties.defaults());
        model.addAttribute("baudRates", new TreeSet<>(TerminalConfigService.BAUD_RATES));
        model.addAttribute("accounts", accounts.all().stream().map(PlatformAccountView::account).toList());
        if (scope == TerminalConfig.Scope.VEHICLE) {
            model.addAttribute("effective", configs.resolve(key).config());
            model.addAttribute("secretCreatedAt", secrets.createdAt(key).orElse(null));
        }
        return "terminal-config";
    }
}
