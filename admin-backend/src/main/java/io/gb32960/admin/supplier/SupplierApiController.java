package io.gb32960.admin.supplier;

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

/** Suppliers over REST (ADMIN). */
@RestController
@RequestMapping("/api/suppliers")
@Tag(name = "Suppliers", description = "terminal suppliers; their users (role SUPPLIER) and terminal models (ADMIN)")
class SupplierApiController {

    private final SupplierService suppliers;

    SupplierApiController(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @GetMapping
    @Operation(summary = "every supplier, with how many users, terminal models and vehicles it has")
    List<Supplier> list() {
        return suppliers.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "one supplier")
    Supplier get(@PathVariable String code) {
        return suppliers.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a supplier")
    Supplier create(@Valid @RequestBody SupplierForm form) {
        return suppliers.create(form);
    }

    @PutMapping("/{code}")
    @Operation(summary = "change a supplier (disabled: its users cannot sign in)")
    Supplier update(@PathVariable String code, @Valid @RequestBody SupplierForm form) {
        return suppliers.update(code, form);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "delete a supplier nothing uses")
    void delete(@PathVariable String code) {
        suppliers.delete(code);
    }
}
