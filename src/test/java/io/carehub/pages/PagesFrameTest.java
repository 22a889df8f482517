package io.carehub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubApi;
import io.carehub.HubTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R15/R16: the customer pages' frame: German by default, English on request (remembered), the failure pages with
 * their status, and the security headers on every answer.
 */
@HubTest
class PagesFrameTest {

    @Autowired
    HubApi hub;

    @Test
    void aFailurePageIsGermanByDefaultWithItsStatus() {
        HttpResponse<String> page = hub.get("/pages/problem/link-expired", null);

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("lang=\"de\"", "Dieser Link ist abgelaufen", "Beispiel Telekom", "Verifiziertes Unternehmen");
    }

    @Test
    void theLanguageSwitchIsRememberedInACookie() {
        HttpResponse<String> english = hub.get("/pages/problem/link-used?lang=en", null);

        assertThat(english.body()).contains("lang=\"en\"", "This link was already used", "Verified business");
        String cookie = english.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("carehub-lang=en").containsIgnoringCase("HttpOnly");
        HttpResponse<String> next = hub.send(HttpRequest.newBuilder(URI.create(hub.url("/pages/problem/link-unknown")))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .build());
        assertThat(next.statusCode()).isEqualTo(404);
        assertThat(next.body()).contains("Link not found");
    }

    @Test
    void aLanguageWithoutTextsFallsBackToGerman() {
        assertThat(hub.get("/pages/problem/login-cancelled?lang=fr", null).body())
                .contains("Anmeldung abgebrochen");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/pages/problem/link-expired", "/pages/carehub.css", "/l/unknown"}) {
            HttpResponse<String> answer = hub.get(path, null);
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue("default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            // HSTS only over HTTPS (the prod profile): a plain-HTTP answer must not pin the loopback host
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void thePagesUseOnlyTheHubsOwnStylesheetAndNoScript() {
        String page = hub.get("/pages/problem/link-expired", null).body();

        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain("style=\"");
        assertThat(page).contains("href=\"/pages/carehub.css\"").doesNotContain("href=\"http", "src=\"http");
        HttpResponse<String> css = hub.get("/pages/carehub.css", null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }
}
