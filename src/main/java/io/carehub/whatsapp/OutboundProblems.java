package io.carehub.whatsapp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * R9/R52: a message the 24-hour window forbids, or one WhatsApp does not deliver to the customer's BSUID, is answered
 * 409 with a problem body naming the reason.
 */
@RestControllerAdvice
class OutboundProblems {

    @ExceptionHandler(WindowClosedException.class)
    ProblemDetail windowClosed(WindowClosedException closed) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, closed.getMessage());
        problem.setTitle("Customer-service window closed");
        problem.setProperty("reason", closed.getReason().name());
        return problem;
    }

    /** R52: 131062, a message type WhatsApp does not deliver to a BSUID, for a customer without phone number. */
    @ExceptionHandler(RecipientNotSupportedException.class)
    ProblemDetail recipientNotSupported(RecipientNotSupportedException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Recipient not supported for this message type");
        problem.setProperty("reason", "BSUID_RECIPIENT_NOT_SUPPORTED");
        problem.setProperty("code", RecipientNotSupportedException.CODE);
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidMessage(IllegalArgumentException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getMessage());
        problem.setTitle("Invalid message");
        return problem;
    }
}
