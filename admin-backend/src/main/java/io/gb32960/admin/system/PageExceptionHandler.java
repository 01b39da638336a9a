package io.gb32960.admin.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/** Domain errors of the pages: the error page with the message and the right status, no stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler(AdminException.class)
    String admin(AdminException e, Model model, HttpServletResponse response) {
        return error(ApiExceptionHandler.status(e.code()).value(), e.getMessage(), model, response);
    }

    /** A form that should upload a file but is not a multipart request. */
    @ExceptionHandler(MultipartException.class)
    String notAnUpload(MultipartException e, Model model, HttpServletResponse response) {
        return error(HttpServletResponse.SC_BAD_REQUEST, "choose a file to upload", model, response);
    }

    private static String error(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error";
    }
}
