package io.gb32960.admin.supplier;

import io.gb32960.admin.system.PageForms;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supplier pages (ADMIN). */
@Controller
@RequestMapping("/suppliers")
class SupplierController {

    private final SupplierService suppliers;

    SupplierController(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("suppliers", suppliers.all());
        return "suppliers/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, SupplierForm.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") SupplierForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        return PageForms.save(errors, redirect, () -> suppliers.create(form), "Supplier " + form.code() + " created",
                "/suppliers", () -> form(model, form, null));
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        Supplier s = suppliers.get(code);
        return form(model, SupplierForm.of(s), s);
    }

    @PostMapping("/{code}")
    String edit(@PathVariable String code, @Valid @ModelAttribute("form") SupplierForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        Supplier s = suppliers.get(code);
        return PageForms.save(errors, redirect, () -> suppliers.update(code, form), "Supplier " + code + " saved",
                "/suppliers", () -> form(model, form, s));
    }

    @PostMapping("/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        return PageForms.act(redirect, () -> suppliers.delete(code), "Supplier " + code + " deleted", "/suppliers");
    }

    private String form(Model model, SupplierForm form, Supplier supplier) {
        model.addAttribute("form", form);
        model.addAttribute("supplier", supplier);
        if (supplier != null) {
            model.addAttribute("supplierUsers", suppliers.usernames(supplier.code()));
            model.addAttribute("supplierModels", suppliers.terminalModels(supplier.code()));
        }
        return "suppliers/form";
    }
}
