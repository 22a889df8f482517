package io.carehub.browser;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.Db;
import io.carehub.Legitimations;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.legitimation.LocalCustomers;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R15 in a real browser (a phone-sized headless Chromium): the link page, the identity provider's login, the
 * success page; a wrong password and a cancelled sign-in; an expired and a used link. Each page state is saved as a
 * screenshot under target/screenshots.
 */
@ConversationTest
@Tag("browser")
class LegitimationBrowserIT {

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    Legitimations legitimations;

    @Autowired
    CustomerIdentities identities;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCustomerSignsInFromTheLinkInTheChat() {
        String customer = chattingCustomer();
        String username = register(customer, "K-8800");
        try (HeadlessChromium browser = new HeadlessChromium("legitimation")) {
            WebDriver page = browser.driver();
            page.get(legitimations.onHub(legitimations.sendLink(customer)).toString());
            assertThat(HeadlessChromium.heading(page, "Mit Ihrem Kundenkonto anmelden"))
                    .isEqualTo("Mit Ihrem Kundenkonto anmelden");
            browser.screenshot("link");

            page.findElement(By.cssSelector("form button")).click();
            assertThat(HeadlessChromium.element(page, By.className("stand-in-banner"))
                            .getText())
                    .isEqualTo("LOCAL TEST IDENTITY PROVIDER — not for production");
            browser.screenshot("identity-provider-login");
            // keyboard only: labelled fields, Enter submits
            page.findElement(By.cssSelector("label[for=username]")).click();
            page.switchTo().activeElement().sendKeys(username);
            page.findElement(By.cssSelector("label[for=password]")).click();
            page.switchTo().activeElement().sendKeys(LocalCustomers.PASSWORD, Keys.ENTER);

            assertThat(HeadlessChromium.heading(page, "Sie sind angemeldet")).isEqualTo("Sie sind angemeldet");
            browser.screenshot("signed-in");
        }
        assertThat(identities.of(db.contactIds(customer).getFirst()).map(CustomerIdentities.Identity::customerNumber))
                .hasValue("K-8800");
    }

    @Test
    void aWrongPasswordIsRefusedAndACancelledSignInChangesNothing() {
        String customer = chattingCustomer();
        String username = register(customer, "K-8801");
        try (HeadlessChromium browser = new HeadlessChromium("legitimation")) {
            WebDriver page = browser.driver();
            page.get(legitimations.onHub(legitimations.sendLink(customer)).toString());
            page.findElement(By.cssSelector("form button")).click();
            HeadlessChromium.element(page, By.id("username")).sendKeys(username);
            page.findElement(By.id("password")).sendKeys("wrong-password");
            page.findElement(By.cssSelector("form button[type=submit]:not(.secondary)"))
                    .click();
            assertThat(HeadlessChromium.alert(page, "Benutzername oder Passwort ist falsch."))
                    .isEqualTo("Benutzername oder Passwort ist falsch.");
            browser.screenshot("identity-provider-wrong-password");

            page.findElement(By.cssSelector("button.secondary")).click();
            assertThat(HeadlessChromium.heading(page, "Anmeldung abgebrochen")).isEqualTo("Anmeldung abgebrochen");
            browser.screenshot("cancelled");
        }
        assertThat(identities.of(db.contactIds(customer).getFirst())).isEmpty();
    }

    @Test
    void anExpiredLinkSaysSo() {
        String customer = chattingCustomer();
        String link = legitimations.sendLink(customer);
        jdbc.update(
                "update legitimation_link set expires_at = now() - interval '1 second' where conversation_id = ?",
                db.conversationOf(customer));
        try (HeadlessChromium browser = new HeadlessChromium("legitimation")) {
            browser.driver().get(legitimations.onHub(link).toString());
            assertThat(HeadlessChromium.heading(browser.driver(), "Dieser Link ist abgelaufen"))
                    .isEqualTo("Dieser Link ist abgelaufen");
            browser.screenshot("expired");
        }
    }

    @Test
    void aUsedLinkSaysSo() {
        String customer = chattingCustomer();
        legitimations.signIn(customer, Legitimations.privateCustomer("Frau", "Erika Muster", "K-8802"));
        try (HeadlessChromium browser = new HeadlessChromium("legitimation")) {
            browser.driver()
                    .get(legitimations
                            .onHub(legitimations.links(customer).getFirst())
                            .toString());
            assertThat(HeadlessChromium.heading(browser.driver(), "Dieser Link wurde schon verwendet"))
                    .isEqualTo("Dieser Link wurde schon verwendet");
            browser.screenshot("used");
        }
    }

    private String chattingCustomer() {
        String customer = newCustomer();
        customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);
        return customer;
    }

    private String register(String customer, String customerNumber) {
        return legitimations.register(
                customer,
                Legitimations.privateCustomer("Frau", "Erika Muster", customerNumber)
                        .with("phone_number", "+" + customer));
    }
}
