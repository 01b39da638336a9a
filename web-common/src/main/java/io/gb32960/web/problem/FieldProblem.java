package io.gb32960.web.problem;

/** One invalid input field, as listed under {@code errors} of a problem and shown beside a form field. */
public record FieldProblem(String field, String message) {
}
