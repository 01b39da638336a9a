package io.gb32960.admin.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Domain errors of the pages: the error page with the message and the right status, no stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler(AdminException.class)
    String admin(AdminException e, Model model, HttpServletResponse response) {
        int status = ApiExceptionHandler.status(e.code()).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
