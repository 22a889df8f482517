package io.carehub.legitimation;

import static io.carehub.routing.Customers.newCustomer;
import static io.carehub.routing.Customers.newUsernameCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Legitimations;
import io.carehub.MutableClock;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.pages.OneTimeToken;
import io.carehub.routing.AgentPools;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R15 end to end: the customer writes through the webhook, gets a one-time link in the chat (from the agent's API
 * or the bot), opens it, signs in at the identity provider (the local stand-in, OpenID Connect code flow with PKCE)
 * and is linked to their customer data; every failure gets its page and its chat message and changes nothing.
 */
@ConversationTest
class LegitimationTest {

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    Legitimations legitimations;

    @Autowired
    CustomerIdentities identities;

    @Autowired
    LegitimationTexts texts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAgentsLinkSignsTheCustomerInWithPkceAndTheChatConfirmsIt() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "lena");

        HttpResponse<String> sent = hub.post(
                "/api/conversations/" + conversation + "/legitimation-link", IdentityProvider.agent("lena"), "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(sent.body()).contains("expiresAt").doesNotContain("/l/");
        String link = legitimations.awaitLink(customer, 0);
        assertThat(link).matches("http://127\\.0\\.0\\.1:8080/l/[A-Za-z0-9_-]{43}");
        String token = link.substring(link.lastIndexOf('/') + 1);
        // only the token's hash is stored; the documented message shows no link
        assertThat(db.count("select count(*) from legitimation_link where token_hash = ?", OneTimeToken.hash(token)))
                .isEqualTo(1);
        assertThat(db.outbound(customer).stream().map(m -> String.valueOf(m.get("text_body"))))
                .noneMatch(text -> text.contains(token));

        String username = legitimations.register(
                customer,
                Legitimations.privateCustomer("Frau", "Erika Muster", "K-7700")
                        .with("contract_numbers", List.of("V-7700-1", "V-7700-2"))
                        .with("phone_number", "+" + customer));
        Legitimations.Browser browser = legitimations.new Browser();
        HttpResponse<String> login = browser.startSignIn(link);
        // R15: the authorization request carried a PKCE challenge (S256); the stand-in refuses one without
        URI authorize = chain(login)
                .map(HttpResponse::uri)
                .filter(uri -> uri.getPath().equals("/stand-in/idp/authorize"))
                .findFirst()
                .orElseThrow();
        assertThat(authorize.getQuery()).contains("code_challenge=", "code_challenge_method=S256", "scope=openid");
        HttpResponse<String> done = browser.submitLogin(login, username, "test");

        assertThat(done.uri().getPath()).isEqualTo("/pages/legitimation/done");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Sie sind angemeldet");
        assertThat(identities.of(contactOf(customer)))
                .hasValue(new CustomerIdentities.Identity(
                        "PRIVATE", "Frau", "Erika Muster", "K-7700", "V-7700-1, V-7700-2"));
        awaitText(customer, texts.confirmed());
        assertThat(db.count(
                        "select count(*) from access_log where action = 'LEGITIMATION_LINK' and conversation_id = ?",
                        conversation))
                .isEqualTo(1);
    }

    @Test
    void aBusinessCustomerIsStoredAsBusiness() {
        String customer = greeted(newCustomer());

        legitimations.signIn(customer, Legitimations.businessCustomer("Herr", "Max Beispiel", "K-9100"));

        assertThat(identities.of(contactOf(customer)).map(CustomerIdentities.Identity::segment))
                .hasValue("BUSINESS");
    }

    @Test
    void aLinkWorksOnlyOnce() {
        String customer = greeted(newCustomer());
        legitimations.signIn(customer, Legitimations.privateCustomer("Frau", "Erika Muster", "K-7701"));
        String link = legitimations.links(customer).getFirst();

        HttpResponse<String> again = legitimations.new Browser().get(legitimations.onHub(link));

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Dieser Link wurde schon verwendet");
        awaitText(customer, texts.used());
        assertThat(identities.of(contactOf(customer)).map(CustomerIdentities.Identity::customerNumber))
                .hasValue("K-7701");
    }

    @Test
    void anExpiredLinkChangesNothing() {
        String customer = greeted(newCustomer());
        String link = legitimations.sendLink(customer);
        expire(customer);

        HttpResponse<String> page = legitimations.new Browser().get(legitimations.onHub(link));

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Dieser Link ist abgelaufen");
        awaitText(customer, texts.expired());
        assertThat(identities.of(contactOf(customer))).isEmpty();
    }

    @Test
    void aLinkThatExpiresDuringTheSignInChangesNothing() {
        String customer = greeted(newCustomer());
        String username = registeredWithTheirNumber(customer, "K-7702");
        Legitimations.Browser browser = legitimations.new Browser();
        HttpResponse<String> login = browser.startSignIn(legitimations.sendLink(customer));
        expire(customer);

        HttpResponse<String> outcome = browser.submitLogin(login, username, "test");

        assertThat(outcome.uri().getPath()).isEqualTo("/pages/problem/link-expired");
        awaitText(customer, texts.expired());
        assertThat(identities.of(contactOf(customer))).isEmpty();
    }

    @Test
    void aCancelledSignInChangesNothingAndTheLinkStillWorks() {
        String customer = greeted(newCustomer());
        String username = registeredWithTheirNumber(customer, "K-7703");
        String link = legitimations.sendLink(customer);
        Legitimations.Browser browser = legitimations.new Browser();

        HttpResponse<String> cancelled = browser.cancel(browser.startSignIn(link));

        assertThat(cancelled.uri().getPath()).isEqualTo("/pages/problem/login-cancelled");
        assertThat(cancelled.body()).contains("Anmeldung abgebrochen");
        awaitText(customer, texts.cancelled());
        assertThat(identities.of(contactOf(customer))).isEmpty();
        // nothing changed: the link is still valid, the customer may sign in after all
        assertThat(legitimations.new Browser()
                        .signIn(link, username, "test")
                        .uri()
                        .getPath())
                .isEqualTo("/pages/legitimation/done");
    }

    @Test
    void aWrongPasswordStaysAtTheIdentityProvider() {
        String customer = greeted(newCustomer());
        String username = registeredWithTheirNumber(customer, "K-7704");
        Legitimations.Browser browser = legitimations.new Browser();

        HttpResponse<String> failed =
                browser.submitLogin(browser.startSignIn(legitimations.sendLink(customer)), username, "wrong");

        assertThat(failed.uri().getPath()).isEqualTo("/stand-in/idp/login");
        assertThat(failed.uri().getQuery()).isEqualTo("error");
        assertThat(failed.body()).contains("LOCAL TEST IDENTITY PROVIDER", "Benutzername oder Passwort ist falsch");
        assertThat(identities.of(contactOf(customer))).isEmpty();
    }

    @Test
    void anAccountWithAnotherPhoneNumberIsRefusedAndChangesNothing() {
        String customer = greeted(newCustomer());
        String username = legitimations.register(
                customer,
                Legitimations.privateCustomer("Frau", "Erika Muster", "K-7705")
                        .with("phone_number", "+49 170 0000001"));
        String link = legitimations.sendLink(customer);

        HttpResponse<String> refused = legitimations.new Browser().signIn(link, username, "test");

        assertThat(refused.uri().getPath()).isEqualTo("/pages/problem/identity-mismatch");
        assertThat(refused.statusCode()).isEqualTo(403);
        awaitText(customer, texts.mismatch());
        assertThat(identities.of(contactOf(customer))).isEmpty();
        assertThat(db.count(
                        "select count(*) from legitimation_link where used_at is not null and conversation_id = ?",
                        db.conversationOf(customer)))
                .isZero();
    }

    /** R52: a chat known only by its BSUID has no phone number to compare: the link, sent into it alone, binds. */
    @Test
    void aCustomerKnownOnlyByTheirBsuidSignsIn() {
        String userId = greeted(newUsernameCustomer());

        legitimations.signIn(userId, Legitimations.privateCustomer("Frau", "Erika Muster", "K-7706"));

        assertThat(identities.of(contactOf(userId)).map(CustomerIdentities.Identity::customerNumber))
                .hasValue("K-7706");
    }

    @Test
    void unknownLinksAndTooManyRequestsForOneContactGetTheirPages() {
        Legitimations.Browser browser = legitimations.new Browser();
        HttpResponse<String> unknown =
                browser.get(URI.create(hub.url("/l/" + OneTimeToken.generate().token())));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Link nicht gefunden");
        assertThat(browser.get(URI.create(hub.url("/l/x'%20or%201=1"))).statusCode())
                .isEqualTo(404);

        String customer = greeted(newCustomer());
        URI link = legitimations.onHub(legitimations.sendLink(customer));
        for (int i = 0; i < 10; i++) {
            assertThat(browser.get(link).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = browser.get(link);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Zu viele Versuche");
    }

    @Test
    void anAgentSendsNoLinkForAConversationNotTheirsNorOutsideTheWindow() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "mira");

        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/legitimation-link",
                                IdentityProvider.agent("nils"),
                                "")
                        .statusCode())
                .isEqualTo(409);
        clock.advance(Duration.ofHours(25));
        HttpResponse<String> closed = hub.post(
                "/api/conversations/" + conversation + "/legitimation-link", IdentityProvider.agent("mira"), "");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("WINDOW_CLOSED_NOT_TEMPLATE");
        assertThat(db.count("select count(*) from legitimation_link where conversation_id = ?", conversation))
                .isZero();
        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/legitimation-link",
                                IdentityProvider.supervisor(),
                                "")
                        .statusCode())
                .isEqualTo(403);
    }

    /** The customer wrote "Hallo" and got the privacy notice (the first outbound message). */
    private String greeted(String customer) {
        customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);
        return customer;
    }

    /** Registers Erika Muster at the identity provider with the customer's own phone number; returns the username. */
    private String registeredWithTheirNumber(String customer, String customerNumber) {
        return legitimations.register(
                customer,
                Legitimations.privateCustomer("Frau", "Erika Muster", customerNumber)
                        .with("phone_number", "+" + customer));
    }

    private long contactOf(String customer) {
        return db.contactIds(customer).getFirst();
    }

    private void expire(String customer) {
        jdbc.update(
                "update legitimation_link set expires_at = now() - interval '1 second' where conversation_id = ?",
                db.conversationOf(customer));
    }

    private void awaitText(String customer, String text) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.outbound(customer).stream()
                        .map(m -> m.get("text_body"))
                        .anyMatch(text::equals));
    }

    private static Stream<HttpResponse<String>> chain(HttpResponse<String> last) {
        return Stream.iterate(
                        Optional.of(last), Optional::isPresent, r -> r.get().previousResponse())
                .map(Optional::get);
    }
}
