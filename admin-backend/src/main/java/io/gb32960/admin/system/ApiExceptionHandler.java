package io.gb32960.admin.system;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the REST API as RFC 7807 problem JSON: field errors listed under {@code errors}, domain
 * errors by {@link ErrorCode} through one map, anything unexpected as a bare 500 (logged, never
 * shown).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(Map.of(
            ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND,
            ErrorCode.DUPLICATE, HttpStatus.CONFLICT,
            ErrorCode.INVALID, HttpStatus.BAD_REQUEST,
            ErrorCode.CONFLICT, HttpStatus.CONFLICT,
            ErrorCode.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
            ErrorCode.TOO_MANY, HttpStatus.TOO_MANY_REQUESTS));

    /** One invalid input field. */
    record FieldProblem(String field, String message) {
    }

    static HttpStatus status(ErrorCode code) {
        return STATUS.get(code);
    }

    @ExceptionHandler(AdminException.class)
    ProblemDetail admin(AdminException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(STATUS.get(e.code()), e.getMessage());
        p.setProperty("code", e.code().name());
        if (e.field() != null) {
            p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return p;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraints(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(errors);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
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

    static List<FieldProblem> fieldErrors(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError f : result.getFieldErrors()) {
            errors.add(new FieldProblem(f.getField(), f.isBindingFailure() ? "invalid value" : f.getDefaultMessage()));
        }
        result.getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return errors;
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid input");
        p.setProperty("code", ErrorCode.INVALID.name());
        p.setProperty("errors", errors);
        return p;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
