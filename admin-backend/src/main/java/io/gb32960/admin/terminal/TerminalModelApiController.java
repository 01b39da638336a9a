package io.gb32960.admin.terminal;

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

/** Terminal models over REST. */
@RestController
@RequestMapping("/api/terminal-models")
@Tag(name = "Terminal models", description = "T-Box models and their protocol profile")
class TerminalModelApiController {

    private final TerminalModelService models;

    TerminalModelApiController(TerminalModelService models) {
        this.models = models;
    }

    @GetMapping
    @Operation(summary = "every terminal model")
    List<TerminalModel> list() {
        return models.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "one terminal model")
    TerminalModel get(@PathVariable String code) {
        return models.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a terminal model")
    TerminalModel create(@Valid @RequestBody TerminalModelForm form) {
        return models.create(form);
    }

    @PutMapping("/{code}")
    @Operation(summary = "change a terminal model; its vehicles' registry entries follow")
    TerminalModel update(@PathVariable String code, @Valid @RequestBody TerminalModelForm form) {
        return models.update(code, form);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "delete a terminal model no vehicle uses")
    void delete(@PathVariable String code) {
        models.delete(code);
    }
}
