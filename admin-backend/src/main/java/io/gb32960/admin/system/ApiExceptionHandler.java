package io.gb32960.admin.system;

import io.gb32960.web.problem.ApiProblemHandler;
import io.gb32960.web.problem.FieldProblem;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the REST API as RFC 7807 problem JSON (invalid input and the unexpected as in
 * {@link ApiProblemHandler}): domain errors by {@link ErrorCode} through one map; a constraint
 * violation names the field by the last node of its path.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ApiProblemHandler {

    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(Map.of(
            ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND,
            ErrorCode.DUPLICATE, HttpStatus.CONFLICT,
            ErrorCode.INVALID, HttpStatus.BAD_REQUEST,
            ErrorCode.CONFLICT, HttpStatus.CONFLICT,
            ErrorCode.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
            ErrorCode.TOO_MANY, HttpStatus.TOO_MANY_REQUESTS));

    static HttpStatus status(ErrorCode code) {
        return STATUS.get(code);
    }

    @ExceptionHandler(AdminException.class)
    ProblemDetail admin(AdminException e) {
        return problem(STATUS.get(e.code()), e.code().name(), e.getMessage(), e.field());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraints(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(errors);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
