package io.carehub;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.carehub.legitimation.LegitimationOffer;
import io.carehub.legitimation.LocalCustomers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * R15: a customer signs in through the whole legitimation flow, as a phone's browser would: the link the hub sent
 * into the chat (read from what the Graph API received), the link page and its button, the OpenID Connect redirect
 * to the hub's LOCAL TEST IDENTITY PROVIDER, its login form (with its CSRF token), and back to the hub, which
 * exchanges the code (PKCE) and stores the customer's data. {@link #signIn} is the one-liner for tests that need a
 * legitimated customer; {@link Browser} drives single steps.
 */
public final class Legitimations {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubApi hub;
    private final ObjectProvider<LocalCustomers> customers;
    private final LegitimationOffer offer;
    private final Db db;

    Legitimations(HubApi hub, ObjectProvider<LocalCustomers> customers, LegitimationOffer offer, Db db) {
        this.hub = hub;
        this.customers = customers;
        this.offer = offer;
        this.db = db;
    }

    /**
     * A private customer as the identity provider knows them ({@code name}: given name(s) and family name), without
     * contract numbers ({@code .with("contract_numbers", ...)} adds them).
     */
    public static LocalCustomers.Claims privateCustomer(String salutation, String name, String customerNumber) {
        return customer(salutation, name, customerNumber, "private");
    }

    /** A business customer as the identity provider knows them. */
    public static LocalCustomers.Claims businessCustomer(String salutation, String name, String customerNumber) {
        return customer(salutation, name, customerNumber, "business");
    }

    private static LocalCustomers.Claims customer(
            String salutation, String name, String customerNumber, String segment) {
        int last = name.lastIndexOf(' ');
        return LocalCustomers.claims(
                salutation, name.substring(0, last), name.substring(last + 1), customerNumber, List.of(), segment);
    }

    /**
     * The WhatsApp customer {@code waId} (who wrote before, so the chat is open) signs in as {@code customer}: a test
     * customer of the identity stand-in with the chat's phone number. Returns when the hub showed the success page.
     */
    public void signIn(String waId, LocalCustomers.Claims customer) {
        String username = register(waId, customer.with("phone_number", "+" + waId));
        HttpResponse<String> done = new Browser().signIn(sendLink(waId), username, LocalCustomers.PASSWORD);
        assertThat(done.uri().getPath()).as(done.body()).isEqualTo("/pages/legitimation/done");
    }

    /** Adds {@code customer} to the identity stand-in under a user name of this chat; returns the user name. */
    public String register(String waId, LocalCustomers.Claims customer) {
        String username = "customer-" + waId;
        customers.getObject().add(username, customer); // the local stand-in is on (default profile)
        return username;
    }

    /** The bot's way (an intent) of sending the customer a link; returns the link as the customer received it. */
    public String sendLink(String waId) {
        int before = links(waId).size();
        offer.offer(db.conversationOf(waId), "bot:test");
        return awaitLink(waId, before);
    }

    /** Waits for the link message after the first {@code before} ones and returns its URL. */
    public String awaitLink(String waId, int before) {
        await().atMost(Duration.ofSeconds(30)).until(() -> links(waId).size() > before);
        return links(waId).get(before);
    }

    /** Every link the Graph API was asked to deliver to {@code waId}, oldest first. */
    public List<String> links(String waId) {
        return GraphApiStub.GRAPH_API.findAll(postRequestedFor(urlPathMatching("/v23\\.0/[0-9]+/messages"))).stream()
                .map(Legitimations::json)
                .filter(body -> (waId.equals(body.path("to").asText())
                                || waId.equals(body.path("recipient").asText()))
                        && "cta_url"
                                .equals(body.path("interactive").path("type").asText()))
                .map(body -> body.at("/interactive/action/parameters/url").asText())
                .toList();
    }

    /** The path and query of {@code link} on the hub under test (the links name the configured public base). */
    public URI onHub(String link) {
        URI uri = URI.create(link);
        return URI.create("http://127.0.0.1:" + hub.port() + uri.getRawPath());
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone's browser: keeps cookies, follows redirects, sends HTML requests. */
    public final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        /** Opens the link, presses its button, and signs in at the stand-in; the final page's answer. */
        public HttpResponse<String> signIn(String link, String username, String password) {
            HttpResponse<String> login = startSignIn(link);
            return submitLogin(login, username, password);
        }

        /** Opens the link and presses its button: the stand-in's login page. */
        public HttpResponse<String> startSignIn(String link) {
            HttpResponse<String> page = get(onHub(link));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            HttpResponse<String> login = post(onHub(link), Map.of("_csrf", csrf(page)));
            assertThat(login.uri().getPath()).as(login.body()).isEqualTo("/stand-in/idp/login");
            return login;
        }

        /** Fills in the stand-in's login form of {@code login} and submits it. */
        public HttpResponse<String> submitLogin(HttpResponse<String> login, String username, String password) {
            return post(
                    login.uri().resolve("/stand-in/idp/login"),
                    Map.of("username", username, "password", password, "_csrf", csrf(login)));
        }

        /** Presses the stand-in's cancel button on its login page {@code login}. */
        public HttpResponse<String> cancel(HttpResponse<String> login) {
            return post(login.uri().resolve("/stand-in/idp/cancel"), Map.of("_csrf", csrf(login)));
        }

        public HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/html")
                    .GET()
                    .build());
        }

        public HttpResponse<String> post(URI uri, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String csrf(HttpResponse<String> page) {
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token in %s", page.uri()).isTrue();
            return token.group(1);
        }
    }
}
