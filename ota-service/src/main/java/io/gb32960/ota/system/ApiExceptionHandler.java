package io.gb32960.ota.system;

import io.gb32960.web.problem.ApiProblemHandler;
import io.gb32960.web.problem.FieldProblem;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the REST API as RFC 7807 problem JSON (invalid input and the unexpected as in
 * {@link ApiProblemHandler}): domain errors by {@link ErrorCode} through one map (hawkbit's
 * error-code to HTTP map), an upload over the limit as 413 TOO_LARGE.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ApiProblemHandler {

    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(Map.of(
            ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND,
            ErrorCode.DUPLICATE, HttpStatus.CONFLICT,
            ErrorCode.INVALID, HttpStatus.BAD_REQUEST,
            ErrorCode.CONFLICT, HttpStatus.CONFLICT,
            ErrorCode.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE,
            ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN));

    @ExceptionHandler(OtaException.class)
    ResponseEntity<ProblemDetail> ota(OtaException e) {
        HttpStatus status = STATUS.get(e.code());
        return ResponseEntity.status(status).body(problem(status, e.code().name(), e.getMessage(), e.field()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraints(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "upload too large");
        p.setProperty("code", ErrorCode.TOO_LARGE.name());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }
}
