package io.gb32960.ota.system;

import io.gb32960.ota.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Set;
import java.util.stream.Collectors;

/** What every page's layout needs: who is signed in and what their roles let them see. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /** The signed-in user as the navigation sees it. */
    public record Me(String name, boolean signedIn, boolean admin, boolean reader, boolean supplier) {
    }

    @ModelAttribute("me")
    Me me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new Me("", false, false, false, false);
        }
        Set<String> a = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        boolean admin = a.contains(Role.ADMIN.authority());
        boolean reader = admin || a.contains(Role.OPERATOR.authority()) || a.contains(Role.VIEWER.authority());
        return new Me(auth.getName(), true, admin, reader, a.contains(Role.SUPPLIER.authority()));
    }
}
