package io.carehub.whatsapp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** R9: a message the 24-hour window forbids is answered 409 with a problem body naming the reason. */
@RestControllerAdvice
class OutboundProblems {

    @ExceptionHandler(WindowClosedException.class)
    ProblemDetail windowClosed(WindowClosedException closed) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, closed.getMessage());
        problem.setTitle("Customer-service window closed");
        problem.setProperty("reason", closed.getReason().name());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidMessage(IllegalArgumentException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getMessage());
        problem.setTitle("Invalid message");
        return problem;
    }
}
