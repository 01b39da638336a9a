package io.gb32960.admin.user;

import io.gb32960.admin.security.Role;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.system.Paging;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users pages (ADMIN). */
@Controller
@RequestMapping("/users")
class UserController {

    private final UserService users;
    private final UserRepository repository;

    UserController(UserService users, UserRepository repository) {
        this.users = users;
        this.repository = repository;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", users.page(q, Paging.of(page, 50)));
        model.addAttribute("base", PageLinks.base());
        return "users/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, UserForm.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        return PageForms.save(errors, redirect, () -> users.create(form), "User " + form.username() + " created",
                "/users", () -> form(model, form, null));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AppUser user = users.get(id);
        return form(model, UserForm.of(user), user);
    }

    @PostMapping("/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        AppUser user = users.get(id);
        return PageForms.save(errors, redirect, () -> users.update(id, form), "User " + user.username() + " saved",
                "/users", () -> form(model, form, user));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        AppUser user = users.get(id);
        return PageForms.act(redirect, () -> users.delete(id), "User " + user.username() + " deleted", "/users");
    }

    private String form(Model model, UserForm form, AppUser user) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("suppliers", repository.supplierCodes());
        return "users/form";
    }
}
