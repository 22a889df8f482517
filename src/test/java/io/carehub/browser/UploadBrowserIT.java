package io.carehub.browser;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.routing.AgentPools;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R16 in a real browser on a phone-sized screen: the customer opens the link from the chat, picks a real PDF or PNG
 * and uploads it; a renamed program and a too-large file are refused on the form; a used and an expired link show
 * their pages. Every page state is saved as a screenshot.
 */
@ConversationTest
@Tag("browser")
class UploadBrowserIT {

    private static final Pattern LINK = Pattern.compile("/u/([A-Za-z0-9_-]{43})");

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    MutableClock clock;

    @TempDir
    Path files;

    @Test
    void aRealPdfIsUploadedAndTheLinkIsThenUsed() throws IOException {
        String token = offeredLink(newCustomer());
        Path pdf = copy("upload/testdokument.pdf", "Rechnung März.pdf");
        try (HeadlessChromium browser = new HeadlessChromium("upload")) {
            WebDriver page = browser.driver();
            page.get(link(token));
            assertThat(HeadlessChromium.heading(page, "Dokument sicher hochladen"))
                    .isEqualTo("Dokument sicher hochladen");
            assertThat(page.findElement(By.cssSelector("label[for=file]")).getText())
                    .isNotBlank();
            browser.screenshot("form");

            page.findElement(By.id("file")).sendKeys(pdf.toString());
            page.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(HeadlessChromium.element(page, By.cssSelector("[data-page=upload-done]"))
                            .isDisplayed())
                    .isTrue();
            assertThat(HeadlessChromium.heading(page, "Dokument angekommen")).isEqualTo("Dokument angekommen");
            browser.screenshot("done");

            page.get(link(token));
            assertThat(page.findElement(By.cssSelector("[data-problem=link-used]"))
                            .isDisplayed())
                    .isTrue();
            browser.screenshot("link-used");
        }
        assertThat(stored(token, "application/pdf")).isEqualTo(Files.size(pdf));
    }

    @Test
    void aRealPngIsUploadedInEnglish() throws IOException {
        String token = offeredLink(newCustomer());
        Path png = copy("upload/ausweis-scan.png", "ausweis.png");
        try (HeadlessChromium browser = new HeadlessChromium("upload-en")) {
            WebDriver page = browser.driver();
            page.get(link(token) + "?lang=en");
            assertThat(HeadlessChromium.heading(page, "Upload a document securely"))
                    .isEqualTo("Upload a document securely");
            browser.screenshot("form");
            page.findElement(By.id("file")).sendKeys(png.toString());
            page.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(HeadlessChromium.heading(page, "Document received")).isEqualTo("Document received");
            browser.screenshot("done");
        }
        assertThat(stored(token, "image/png")).isEqualTo(Files.size(png));
    }

    @Test
    void aProgramNamedLikeAPdfAndATooLargeFileAreRefusedOnTheForm() throws IOException {
        String token = offeredLink(newCustomer());
        Path program = files.resolve("ausweis.pdf");
        Files.write(
                program,
                "MZ\u0090\u0000\u0003\u0000This program cannot be run in DOS mode."
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path large = files.resolve("scan.pdf");
        Files.write(
                large,
                Arrays.copyOf(
                        Files.readAllBytes(Path.of("src/test/resources/upload/testdokument.pdf")),
                        10 * 1024 * 1024 + 1));
        try (HeadlessChromium browser = new HeadlessChromium("upload")) {
            WebDriver page = browser.driver();
            page.get(link(token));
            page.findElement(By.id("file")).sendKeys(program.toString());
            page.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(HeadlessChromium.alert(page, "kein PDF")).contains("kein PDF");
            assertThat(page.findElement(By.id("file")).getAttribute("aria-describedby"))
                    .contains("upload-error");
            browser.screenshot("wrong-type");

            page.findElement(By.id("file")).sendKeys(large.toString());
            page.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(HeadlessChromium.alert(page, "10 MB")).contains("10 MB");
            browser.screenshot("too-large");
        }
        assertThat(db.count("select count(*) from upload_link where token_hash = ? and used_at is null", (Object)
                        hash(token)))
                .as("the link is still unused")
                .isEqualTo(1);
    }

    @Test
    void anExpiredLinkShowsItsPage() {
        String token = offeredLink(newCustomer());
        clock.set(clock.instant().plus(Duration.ofHours(25)));
        try (HeadlessChromium browser = new HeadlessChromium("upload")) {
            WebDriver page = browser.driver();
            page.get(link(token));
            assertThat(page.findElement(By.cssSelector("[data-problem=link-expired]"))
                            .isDisplayed())
                    .isTrue();
            assertThat(page.findElements(By.id("file"))).isEmpty();
            browser.screenshot("link-expired");
        }
    }

    /** The agent offers a link in a consented, claimed conversation; returns its token as the customer got it. */
    private String offeredLink(String customer) {
        long conversation = pools.waitingInPrivateGeneral(customer, "Ich möchte ein Dokument schicken");
        String agent = IdentityProvider.agent("ida");
        assertThat(hub.post("/api/conversations/" + conversation + "/claim", agent, "")
                        .statusCode())
                .isEqualTo(200);
        String offer = hub.post("/api/conversations/" + conversation + "/upload-link", agent, "")
                .body();
        long messageId = Long.parseLong(offer.replaceAll(".*\"messageId\":(\\d+).*", "$1"));
        Matcher link = LINK.matcher((String) db.message(messageId).get("outbound_payload"));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private String link(String token) {
        return "http://127.0.0.1:" + hub.port() + "/u/" + token;
    }

    /** The stored upload's size when the link's upload is stored with this mime type. */
    private long stored(String token, String mimeType) {
        return db.count("""
                select a.size_bytes from upload_link l join attachment a on a.message_id = l.message_id
                 where l.token_hash = ? and a.state = 'STORED' and a.mime_type = ?""", hash(token), mimeType);
    }

    private Path copy(String resource, String name) throws IOException {
        return Files.copy(Path.of("src/test/resources", resource), files.resolve(name));
    }

    private static byte[] hash(String token) {
        return io.carehub.pages.OneTimeToken.hash(token);
    }
}
