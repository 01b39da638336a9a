package io.gb32960.admin.account;

import io.gb32960.admin.system.PageForms;
import io.gb32960.admin.user.UserService;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: changing the password (every role, SUPPLIER too). */
@Controller
@RequestMapping("/account")
class AccountController {

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    @GetMapping("/password")
    String password(Model model) {
        model.addAttribute("form", PasswordChange.empty());
        return "account/password";
    }

    @PostMapping("/password")
    String password(@Valid @ModelAttribute("form") PasswordChange form, BindingResult errors,
                    RedirectAttributes redirect) {
        if (!errors.hasErrors() && !form.confirmed()) {
            errors.rejectValue("confirmPassword", "INVALID", "does not repeat the new password");
        }
        return PageForms.save(errors, redirect, () -> users.changeOwnPassword(form.currentPassword(),
                form.newPassword()), "Your password has been changed", "/account/password", () -> "account/password");
    }
}
