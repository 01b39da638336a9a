package io.gb32960.admin.user;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles over REST (ADMIN). */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "users of the admin backend and the OTA service, and their roles (ADMIN)")
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "list users")
    PageResult<AppUser> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        return users.page(q, Paging.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "one user")
    AppUser get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a user (password at least 10 characters)")
    AppUser create(@Valid @RequestBody UserForm form) {
        return users.create(form);
    }

    @PutMapping("/{id}")
    @Operation(summary = "change a user (empty password = unchanged)")
    AppUser update(@PathVariable long id, @Valid @RequestBody UserForm form) {
        return users.update(id, form);
    }

    /** A new password for a user, set by an administrator. */
    record PasswordReset(@NotEmpty @Size(max = UserForm.MAX_PASSWORD) String password) {
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "reset a user's password (at least 10 characters); the user's failed sign-ins are forgotten")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset reset) {
        users.resetPassword(id, reset.password());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "delete a user")
    void delete(@PathVariable long id) {
        users.delete(id);
    }
}
