package io.gb32960.admin.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Platform accounts over REST (ADMIN). */
@RestController
@RequestMapping("/api/platform-accounts")
@Tag(name = "Platform accounts", description = "accounts for platform login 0x05 (PBKDF2 hashes in MySQL and Redis; ADMIN)")
class PlatformAccountApiController {

    private final PlatformAccountService accounts;

    PlatformAccountApiController(PlatformAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "every platform account (never a secret)")
    List<PlatformAccountView> list() {
        return accounts.all();
    }

    @GetMapping("/{account}")
    @Operation(summary = "one platform account")
    PlatformAccountView get(@PathVariable String account) {
        return accounts.get(account);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a platform account; mirrored to Redis")
    PlatformAccountView create(@Valid @RequestBody PlatformAccountForm form) {
        return accounts.create(form);
    }

    @PutMapping("/{account}")
    @Operation(summary = "change a platform account (empty password = unchanged); mirrored to Redis")
    PlatformAccountView update(@PathVariable String account, @Valid @RequestBody PlatformAccountForm form) {
        return accounts.update(account, form);
    }

    @DeleteMapping("/{account}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "delete a platform account the terminal configuration does not use")
    void delete(@PathVariable String account) {
        accounts.delete(account);
    }
}
