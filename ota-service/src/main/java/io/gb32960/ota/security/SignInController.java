package io.gb32960.ota.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page that sends each role where it belongs. */
@Controller
class SignInController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication auth) {
        var roles = auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        if (roles.contains(Role.ADMIN.authority()) || roles.contains(Role.OPERATOR.authority())
                || roles.contains(Role.VIEWER.authority())) {
            return "redirect:/campaigns";
        }
        return roles.contains(Role.SUPPLIER.authority()) ? "redirect:/supplier" : "home";
    }
}
