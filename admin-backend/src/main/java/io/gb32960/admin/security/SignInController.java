package io.gb32960.admin.security;

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
        boolean fleet = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority())
                || a.getAuthority().equals(Role.OPERATOR.authority()) || a.getAuthority().equals(Role.VIEWER.authority()));
        return fleet ? "redirect:/dashboard" : "home";
    }
}
