package io.gb32960.web.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors of a REST API as RFC 7807 problem JSON, the part both web services share: invalid input as
 * 400 with {@code code} {@value #INVALID} and the fields under {@code errors}, anything unexpected
 * as a bare 500 (logged, never shown). Each service's subclass is the {@code @RestControllerAdvice}
 * and maps its own domain errors ({@link #problem}).
 */
public abstract class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** The {@code code} of a problem with the request's input. */
    public static final String INVALID = "INVALID";

    private final Logger log = LoggerFactory.getLogger(getClass());

    /** A domain error: its status, {@code code} and message, and the field it is about (may be null). */
    public static ProblemDetail problem(HttpStatus status, String code, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        if (field != null) {
            p.setProperty("errors", List.of(new FieldProblem(field, detail)));
        }
        return p;
    }

    /** 400 for invalid input, the fields listed under {@code errors}. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid input");
        p.setProperty("code", INVALID);
        p.setProperty("errors", errors);
        return p;
    }

    /** A form's field errors (a value that did not bind: "invalid value"), then its global errors, named by the form. */
    public static List<FieldProblem> fieldErrors(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError f : result.getFieldErrors()) {
            errors.add(new FieldProblem(f.getField(), f.isBindingFailure() ? "invalid value" : f.getDefaultMessage()));
        }
        result.getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return errors;
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(fieldErrors(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }
}
