package io.carehub.legitimation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * R43: the LOCAL TEST IDENTITY PROVIDER's login page, clearly labelled, and its cancel button, which sends the
 * customer back to the hub with {@code error=access_denied} as a real identity provider does.
 */
@Controller
@ConditionalOnProperty(name = "carehub.legitimation.local-identity-provider.enabled", havingValue = "true")
class LocalIdentityPages {

    private final LocalIdentityProvider provider;
    private final LocalCustomers customers;
    private final RequestCache requests = new HttpSessionRequestCache();

    LocalIdentityPages(LocalIdentityProvider provider, LocalCustomers customers) {
        this.provider = provider;
        this.customers = customers;
    }

    @GetMapping(LocalIdentityProvider.PATH + "/login")
    ModelAndView login(@RequestParam(required = false) String error) {
        return new ModelAndView(
                "stand-in/idp-login",
                Map.of("failed", error != null, "customers", customers.builtIn(), "password", LocalCustomers.PASSWORD));
    }

    /** Back to the client's redirect URI with {@code error=access_denied}, for the sign-in the customer began. */
    @PostMapping(LocalIdentityProvider.PATH + "/cancel")
    String cancel(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        String redirectUri = saved == null ? null : first(saved, "redirect_uri");
        if (redirectUri == null
                || !LocalIdentityProvider.CLIENT_ID.equals(first(saved, "client_id"))
                || !provider.allowedRedirect(redirectUri)) {
            return "redirect:" + LocalIdentityProvider.PATH + "/login";
        }
        requests.removeRequest(request, response);
        UriComponentsBuilder back =
                UriComponentsBuilder.fromUriString(redirectUri).queryParam("error", "access_denied");
        String state = first(saved, "state");
        if (state != null) {
            back.queryParam("state", state);
        }
        return "redirect:" + back.encode().build().toUriString();
    }

    private static String first(SavedRequest saved, String parameter) {
        String[] values = saved.getParameterValues(parameter);
        return values == null || values.length == 0 ? null : values[0];
    }
}
