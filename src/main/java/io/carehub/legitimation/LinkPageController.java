package io.carehub.legitimation;

import io.carehub.pages.ProblemPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * R15: the legitimation link's page. Opening it (GET) changes nothing, so a link preview cannot use it up: the page
 * explains what signing in shares and offers the button; the button (POST, CSRF token) starts the sign-in. An
 * unknown, expired or used link, or too many requests, get their failure page instead.
 */
@Controller
class LinkPageController {

    static final String DONE_PATH = "/pages/legitimation/done";

    private static final Logger LOG = LoggerFactory.getLogger(LinkPageController.class);

    private final LegitimationLinks links;
    private final AttemptLimiter limiter;
    private final LegitimationCompletion completion;
    private final CustomerIdpRegistration registration;

    LinkPageController(
            LegitimationLinks links,
            AttemptLimiter limiter,
            LegitimationCompletion completion,
            CustomerIdpRegistration registration) {
        this.links = links;
        this.limiter = limiter;
        this.completion = completion;
        this.registration = registration;
    }

    /** A link that may start a sign-in, or the page that says why not. */
    private record Opened(LegitimationLinks.Link link, ModelAndView refusal) {}

    @GetMapping("/l/{token}")
    ModelAndView open(@PathVariable String token, HttpServletRequest request) {
        Opened opened = opened(token, request);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        long minutes = Math.max(1, (opened.link().secondsLeft() + 59) / 60);
        return new ModelAndView("pages/legitimation-start", Map.of("token", token, "minutes", minutes));
    }

    @PostMapping("/l/{token}")
    ModelAndView start(@PathVariable String token, HttpServletRequest request) {
        Opened opened = opened(token, request);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        try {
            registration.registration(); // the identity provider's discovery document, before the customer leaves
        } catch (RuntimeException e) {
            LOG.warn(
                    "legitimation in conversation {}: identity provider unavailable ({})",
                    opened.link().conversationId(),
                    e.getClass().getSimpleName());
            completion.failed(opened.link().id(), "temporarily_unavailable");
            return ProblemPage.LOGIN_FAILED.view();
        }
        request.getSession()
                .setAttribute(LegitimationSecurity.LINK_ATTRIBUTE, opened.link().id());
        return new ModelAndView(
                "redirect:" + LegitimationSecurity.AUTHORIZATION_BASE + "/" + CustomerIdpRegistration.ID);
    }

    /** Reached only when no sign-in was started for this session (the filter redirects those). */
    @GetMapping(LegitimationSecurity.AUTHORIZATION_BASE + "/{registrationId}")
    ModelAndView noLinkInSession(@PathVariable String registrationId) {
        return ProblemPage.LINK_UNKNOWN.view();
    }

    @GetMapping(DONE_PATH)
    String done() {
        return "pages/legitimation-done";
    }

    private Opened opened(String token, HttpServletRequest request) {
        if (!limiter.allowAddress(request.getRemoteAddr())) {
            return new Opened(null, ProblemPage.TOO_MANY_ATTEMPTS.view());
        }
        Optional<LegitimationLinks.Link> link = links.byToken(token);
        if (link.isEmpty()) {
            return new Opened(null, ProblemPage.LINK_UNKNOWN.view());
        }
        if (!limiter.allowContact(link.get().contactId())) {
            return new Opened(null, ProblemPage.TOO_MANY_ATTEMPTS.view());
        }
        if (link.get().state() != LegitimationLinks.State.OPEN) {
            return new Opened(null, completion.opened(link.get()).page.view());
        }
        return new Opened(link.get(), null);
    }
}
