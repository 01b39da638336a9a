package io.gb32960.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BeanPropertyBindingResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemHandlerTest {

    /** A form with one field. */
    record Form(String name) {
    }

    @Test
    void listsFieldErrorsThenGlobalErrorsAndHidesWhatDidNotBind() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Form(""), "form");
        result.rejectValue("name", "NotBlank", "must not be blank");
        result.reject("Consistent", "start before end");

        assertThat(ApiProblemHandler.fieldErrors(result)).containsExactly(
                new FieldProblem("name", "must not be blank"), new FieldProblem("form", "start before end"));
    }

    @Test
    void invalidInputIs400WithCodeAndErrors() {
        List<FieldProblem> errors = List.of(new FieldProblem("vin", "17 characters"));

        ProblemDetail p = ApiProblemHandler.invalid(errors);

        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getDetail()).isEqualTo("invalid input");
        assertThat(p.getProperties()).containsEntry("code", "INVALID").containsEntry("errors", errors);
    }

    @Test
    void aDomainErrorNamesItsFieldOnlyWhenItHasOne() {
        ProblemDetail withField = ApiProblemHandler.problem(HttpStatus.CONFLICT, "DUPLICATE", "taken", "code");
        ProblemDetail without = ApiProblemHandler.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such thing", null);

        assertThat(withField.getStatus()).isEqualTo(409);
        assertThat(withField.getProperties()).containsEntry("code", "DUPLICATE")
                .containsEntry("errors", List.of(new FieldProblem("code", "taken")));
        assertThat(without.getProperties()).containsOnlyKeys("code");
    }
}
