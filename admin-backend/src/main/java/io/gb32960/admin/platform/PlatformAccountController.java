package io.gb32960.admin.platform;

import io.gb32960.admin.system.PageForms;
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

/** Platform account pages (ADMIN). */
@Controller
@RequestMapping("/platform-accounts")
class PlatformAccountController {

    private final PlatformAccountService accounts;

    PlatformAccountController(PlatformAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        return "platform-accounts/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, PlatformAccountForm.empty(), false);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") PlatformAccountForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        return PageForms.save(errors, redirect, () -> accounts.create(form),
                "Platform account " + form.account() + " created", "/platform-accounts",
                () -> form(model, form, false));
    }

    @GetMapping("/{account}")
    String edit(@PathVariable String account, Model model) {
        return form(model, PlatformAccountForm.of(accounts.get(account)), true);
    }

    @PostMapping("/{account}")
    String edit(@PathVariable String account, @Valid @ModelAttribute("form") PlatformAccountForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        accounts.get(account);
        return PageForms.save(errors, redirect, () -> accounts.update(account, form),
                "Platform account " + account + " saved", "/platform-accounts", () -> form(model, form, true));
    }

    @PostMapping("/{account}/delete")
    String delete(@PathVariable String account, RedirectAttributes redirect) {
        return PageForms.act(redirect, () -> accounts.delete(account), "Platform account " + account + " deleted",
                "/platform-accounts");
    }

    private static String form(Model model, PlatformAccountForm form, boolean existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        return "platform-accounts/form";
    }
}
