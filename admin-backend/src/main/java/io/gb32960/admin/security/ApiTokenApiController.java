package io.gb32960.admin.security;

import io.gb32960.admin.system.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** API tokens over REST (ADMIN). */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "tokens of REST API clients (ADMIN); send as Authorization: Bearer TOKEN")
class ApiTokenApiController {

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "list tokens (never the tokens themselves)")
    List<ApiToken> list() {
        return tokens.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a token; the response holds it, once")
    ApiTokenService.CreatedToken create(@Valid @RequestBody ApiTokenForm form) {
        return tokens.create(form, Actor.current().name());
    }

    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "revoke a token")
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
