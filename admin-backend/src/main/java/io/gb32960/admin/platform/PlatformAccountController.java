package io.gb32960.admin.platform;

import io.gb32960.admin.system.AdminException;
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
        model.addAttribute("form", PlatformAccountForm.empty());
        model.addAttribute("existing", false);
        return "platform-accounts/form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") PlatformAccountForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.create(form);
                redirect.addFlashAttribute("notice", "Platform account " + form.account() + " created");
                return "redirect:/platform-accounts";
            } catch (AdminException e) {
                PageForms.reject(errors, e);
            }
        }
        model.addAttribute("existing", false);
        return "platform-accounts/form";
    }

    @GetMapping("/{account}")
    String edit(@PathVariable String account, Model model) {
        model.addAttribute("form", PlatformAccountForm.of(accounts.get(account)));
        model.addAttribute("existing", true);
        return "platform-accounts/form";
    }

    @PostMapping("/{account}")
    String edit(@PathVariable String account, @Valid @ModelAttribute("form") PlatformAccountForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        accounts.get(account);
        if (!errors.hasErrors()) {
            try {
                accounts.update(account, form);
                redirect.addFlashAttribute("notice", "Platform account " + account + " saved");
                return "redirect:/platform-accounts";
            } catch (AdminException e) {
                PageForms.reject(errors, e);
            }
        }
        model.addAttribute("existing", true);
        return "platform-accounts/form";
    }

    @PostMapping("/{account}/delete")
    String delete(@PathVariable String account, RedirectAttributes redirect) {
        try {
            accounts.delete(account);
            redirect.addFlashAttribute("notice", "Platform account " + account + " deleted");
        } catch (AdminException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/platform-accounts";
    }
}
