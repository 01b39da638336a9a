package io.gb32960.admin.system;

import org.springframework.validation.BindingResult;

/** Domain errors shown on page forms: on their field when they name one, else above the form. */
public final class PageForms {

    private PageForms() {
    }

    public static void reject(BindingResult errors, AdminException e) {
        if (e.field() != null && errors.getTarget() != null) {
            errors.rejectValue(e.field(), e.code().name(), e.getMessage());
        } else {
            errors.reject(e.code().name(), e.getMessage());
        }
    }
}
