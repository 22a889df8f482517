package io.carehub.pages;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * R15/R16: every failure a customer can meet on a page, each with its own clear page (template
 * {@code pages/problem}, texts {@code problem.<slug>.*} in the messages) and HTTP status.
 */
public enum ProblemPage {
    LINK_UNKNOWN("link-unknown", HttpStatus.NOT_FOUND),
    LINK_EXPIRED("link-expired", HttpStatus.GONE),
    LINK_USED("link-used", HttpStatus.GONE),
    LOGIN_CANCELLED("login-cancelled", HttpStatus.OK),
    IDENTITY_MISMATCH("identity-mismatch", HttpStatus.FORBIDDEN),
    TOO_MANY_ATTEMPTS("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS),
    LOGIN_FAILED("login-failed", HttpStatus.BAD_GATEWAY);

    private final String slug;
    private final HttpStatus status;

    ProblemPage(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    /** Where a filter (which cannot render) sends the customer: {@code /pages/problem/<slug>}. */
    public String path() {
        return "/pages/problem/" + slug;
    }

    /** The page itself, with its status. */
    public ModelAndView view() {
        return new ModelAndView("pages/problem", Map.of("problem", slug), status);
    }

    static Optional<ProblemPage> ofSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }
}
