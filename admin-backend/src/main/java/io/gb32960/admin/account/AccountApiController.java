package io.gb32960.admin.account;

import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account over REST (a browser session; API tokens have no password). */
@RestController
@RequestMapping("/api/account")
@Tag(name = "Own account", description = "the signed-in user's own password")
class AccountApiController {

    private final UserService users;

    AccountApiController(UserService users) {
        this.users = users;
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "change the own password (current password required; new: at least 10 characters)")
    void password(@Valid @RequestBody PasswordChange change) {
        if (!change.confirmed()) {
            throw AdminException.invalid("confirmPassword", "does not repeat the new password");
        }
        users.changeOwnPassword(change.currentPassword(), change.newPassword());
    }
}
