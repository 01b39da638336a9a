package io.gb32960.admin.security;

import io.gb32960.admin.system.Actor;
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

import java.util.List;

/** API tokens page (ADMIN): create (the token is shown once), list, revoke. */
@Controller
@RequestMapping("/tokens")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        return page(model, ApiTokenForm.empty());
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ApiTokenForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                ApiTokenService.CreatedToken created = tokens.create(form, Actor.current().name());
                model.addAttribute("created", created);
                return page(model, ApiTokenForm.empty());
            } catch (AdminException e) {
                PageForms.reject(errors, e);
            }
        }
        return page(model, form);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("notice", "Token revoked");
        return "redirect:/tokens";
    }

    private String page(Model model, ApiTokenForm form) {
        model.addAttribute("form", form);
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("roles", List.of(Role.ADMIN, Role.OPERATOR, Role.VIEWER));
        return "tokens";
    }
}
