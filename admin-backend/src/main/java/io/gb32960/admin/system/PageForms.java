package io.gb32960.admin.system;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * How the pages' forms make a change: a valid form whose change succeeds leads on with a notice
 * (post/redirect/get); otherwise the form is shown again, domain errors on their field when they
 * name one, else above the form.
 */
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

    /**
     * Makes the change of a submitted form unless the form has errors.
     *
     * @param change    the change; an {@link AdminException} from it goes back to the form
     * @param notice    shown on the next page
     * @param next      where to go after the change (a path)
     * @param formAgain prepares the form's model and names its view
     * @return the view name or redirect
     */
    public static String save(BindingResult errors, RedirectAttributes redirect, Runnable change, String notice,
                              String next, Supplier<String> formAgain) {
        if (!errors.hasErrors()) {
            try {
                change.run();
                redirect.addFlashAttribute("notice", notice);
                return "redirect:" + next;
            } catch (AdminException e) {
                reject(errors, e);
            }
        }
        return formAgain.get();
    }

    /** A change from a button (delete, revoke): a notice, or the refusal as a problem, on the next page. */
    public static String act(RedirectAttributes redirect, Runnable change, String notice, String next) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (AdminException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + next;
    }
}
