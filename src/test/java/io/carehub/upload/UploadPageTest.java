package io.carehub.upload;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.pages.OneTimeToken;
import io.carehub.routing.ConversationTest;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R16 over HTTP through the hub's real port, as a phone's browser posts the form (multipart, CSRF field): an upload is
 * stored encrypted and attached to the link's conversation as an inbound message, the link dies, the customer gets a
 * confirmation. The type comes from the file's own bytes, never from its name or Content-Type; a file over the limit,
 * an unknown, expired or used link each get their page and change nothing; of two uploads racing with one link
 * exactly one wins.
 */
@ConversationTest
class UploadPageTest extends UploadTestBase {

    static final byte[] PDF = read("upload/testdokument.pdf");
    static final byte[] PNG = read("upload/ausweis-scan.png");
    /** A Windows program's first bytes ("MZ" header). */
    static final byte[] EXE = bytes(
            "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000This program cannot be run in DOS mode.");
    /** A ZIP archive's local file header. */
    static final byte[] ZIP = bytes("PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000ausweis.pdf");
    /** An HEIC photo's ftyp box (major brand heic), as phones write them. */
    static final byte[] HEIC =
            bytes("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic\u0000\u0000\u0000\u0000meta");

    @Autowired
    MutableClock clock;

    @Autowired
    UploadTexts texts;

    @Autowired
    ServletContext servletContext;

    @Test
    void aPdfIsStoredEncryptedAttachedToTheConversationAndTheLinkDies() {
        String customer = newCustomer();
        Link link = offered(customer);
        UploadForm phone = new UploadForm(hub.url(""));

        HttpResponse<String> page = phone.open(link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-page=\"upload\"", "<label for=\"file\"", "type=\"file\"", "name=\"_csrf\"");
        HttpResponse<String> done = phone.upload(link.token(), "rechnung.pdf", "application/pdf", PDF);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("data-page=\"upload-done\"");

        Map<String, Object> upload = uploadOf(link);
        assertThat(upload)
                .containsEntry("conversation_id", link.conversation())
                .containsEntry("direction", "INBOUND")
                .containsEntry("type", "document")
                .containsEntry("raw_type", "upload")
                .containsEntry("state", "STORED")
                .containsEntry("mime_type", "application/pdf")
                .containsEntry("size_bytes", (long) PDF.length);
        // R19: the file name is sealed with the contact's key like every attachment's; it reads back as the hub's own
        assertThat(db.attachmentFilenames((Long) upload.get("message_id")))
                .singleElement()
                .asString()
                .matches("upload-\\d+\\.pdf");
        long attachment = (Long) upload.get("attachment_id");
        // R19: encrypted with the contact's key; the agent reads it back byte for byte
        assertThat(jdbc.queryForList(
                        "select bytes from attachment_chunk where attachment_id = ?", byte[].class, attachment))
                .isNotEmpty()
                .noneMatch(chunk -> indexOf(chunk, "Testdokument carehub".getBytes(StandardCharsets.US_ASCII)) >= 0);
        assertThat(content(attachment)).isEqualTo(PDF);
        assertThat(hub.get("/api/conversations/" + link.conversation() + "/messages", IdentityProvider.agent("ida"))
                        .body())
                .contains(
                        "\"rawType\":\"upload\"",
                        "\"mimeType\":\"application/pdf\"",
                        "/api/attachments/" + attachment + "/content");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.outbound(customer).stream()
                        .anyMatch(m -> texts.received().equals(m.get("text_body"))));
        assertThat(phone.open(link.token()).statusCode()).as("the link died").isEqualTo(410);
        assertThat(phone.upload(link.token(), "noch-eins.pdf", "application/pdf", PDF)
                        .statusCode())
                .isEqualTo(410);
        assertThat(uploads(link.conversation())).isEqualTo(1);
    }

    @Test
    void theTypeComesFromTheFilesOwnBytesNeverFromItsNameOrContentType() {
        Link link = offered(newCustomer());
        UploadForm phone = new UploadForm(hub.url(""));
        phone.open(link.token());

        for (byte[] disguised : List.of(EXE, ZIP, "%PD".getBytes(StandardCharsets.US_ASCII), new byte[0])) {
            HttpResponse<String> refused = phone.upload(link.token(), "ausweis.pdf", "application/pdf", disguised);
            assertThat(refused.statusCode()).isIn(415, 400);
            assertThat(refused.body()).contains("data-page=\"upload\"", "role=\"alert\"");
        }
        assertThat(uploads(link.conversation())).as("nothing stored").isZero();
        assertThat(db.count("select count(*) from upload_link where id = ? and used_at is null", link.id()))
                .as("the link is still unused")
                .isEqualTo(1);

        // a real PNG with a misleading name and type is stored as what it is
        assertThat(phone.upload(link.token(), "vertrag.exe", "application/octet-stream", PNG)
                        .statusCode())
                .isEqualTo(200);
        assertThat(uploadOf(link)).containsEntry("type", "image").containsEntry("mime_type", "image/png");

        Link heic = offered(newCustomer());
        UploadForm other = new UploadForm(hub.url(""));
        other.open(heic.token());
        assertThat(other.upload(heic.token(), "IMG_0001.HEIC", "application/octet-stream", HEIC)
                        .statusCode())
                .isEqualTo(200);
        assertThat(uploadOf(heic)).containsEntry("mime_type", "image/heic");
    }

    @Test
    void aFileOverTheLimitGetsAClearPageAndChangesNothing() {
        Link link = offered(newCustomer());
        UploadForm phone = new UploadForm(hub.url(""));
        phone.open(link.token());
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

        HttpResponse<String> refused = phone.upload(link.token(), "scan.pdf", "application/pdf", large);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("data-page=\"upload\"", "role=\"alert\"", "10 MB");
        assertThat(uploads(link.conversation())).isZero();
        assertThat(db.count("select count(*) from upload_link where id = ? and used_at is null", link.id()))
                .isEqualTo(1);
        // exactly the limit is accepted
        assertThat(phone.upload(link.token(), "scan.pdf", "application/pdf", Arrays.copyOf(PDF, 10 * 1024 * 1024))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownExpiredAndClosedLinksEachGetTheirPageAndChangeNothing() {
        UploadForm phone = new UploadForm(hub.url(""));
        assertThat(phone.open("A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(phone.open("not-a-token").statusCode()).isEqualTo(404);

        Link expiring = offered(newCustomer());
        phone.open(expiring.token());
        clock.set(clock.instant().plus(Duration.ofHours(24)).plusSeconds(1));
        HttpResponse<String> expired = phone.upload(expiring.token(), "a.pdf", "application/pdf", PDF);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("data-problem=\"link-expired\"");
        assertThat(phone.open(expiring.token()).body()).contains("data-problem=\"link-expired\"");
        assertThat(uploads(expiring.conversation())).isZero();

        clock.set(clock.instant().minus(Duration.ofHours(24)));
        String customer = newCustomer();
        Link closing = offered(customer);
        assertThat(hub.post(
                                "/api/conversations/" + closing.conversation() + "/close",
                                IdentityProvider.agent("ida"),
                                "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(phone.open(closing.token()).statusCode())
                .as("a link dies with its conversation")
                .isEqualTo(410);
    }

    @Test
    void aLinkAttachesOnlyToItsOwnConversation() {
        String first = newCustomer();
        String second = newCustomer();
        Link firstLink = offered(first);
        Link secondLink = offered(second);
        UploadForm phone = new UploadForm(hub.url(""));
        phone.open(secondLink.token());

        assertThat(phone.upload(secondLink.token(), "b.png", "image/png", PNG).statusCode())
                .isEqualTo(200);

        assertThat(uploadOf(secondLink)).containsEntry("conversation_id", secondLink.conversation());
        assertThat(uploads(firstLink.conversation())).isZero();
        assertThat(db.count("select count(*) from upload_link where id = ? and used_at is null", firstLink.id()))
                .isEqualTo(1);
    }

    @Test
    void ofTwoUploadsRacingWithOneLinkExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            Link link = offered(newCustomer());
            UploadForm phone = new UploadForm(hub.url(""));
            UploadForm laptop = new UploadForm(hub.url(""));
            phone.open(link.token());
            laptop.open(link.token());
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> phone.upload(link.token(), "a.pdf", "application/pdf", PDF)));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> laptop.upload(link.token(), "b.png", "image/png", PNG)));
            start.countDown();

            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(200, 410);
            assertThat(uploads(link.conversation())).isEqualTo(1);
        }
    }

    /** R16/R19: the file in clear stays in the request's memory: nothing is written to the container's temp directory. */
    @Test
    void theFileInClearIsNeverWrittenToTheContainersTemporaryDirectory() throws Exception {
        Path temp = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        Link link = offered(newCustomer());
        UploadForm phone = new UploadForm(hub.url(""));
        phone.open(link.token());
        List<String> created = new ArrayList<>();
        try (WatchService watch = temp.getFileSystem().newWatchService()) {
            temp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

            HttpResponse<String> done = phone.upload(link.token(), "rechnung.pdf", "application/pdf", PDF);

            assertThat(done.statusCode()).isEqualTo(200);
            WatchKey key = watch.poll(2, TimeUnit.SECONDS); // the container's spool file would have been created by now
            if (key != null) {
                key.pollEvents().forEach(event -> created.add(String.valueOf(event.context())));
            }
        }
        assertThat(created)
                .as("files created in " + temp + " during the upload")
                .isEmpty();
        assertThat(uploadOf(link)).containsEntry("state", "STORED");
    }

    /** An upload link the assigned agent sent the customer. */
    record Link(long id, long conversation, String token) {}

    private Link offered(String customer) {
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");
        HttpResponse<String> offer =
                hub.post("/api/conversations/" + conversation + "/upload-link", IdentityProvider.agent("ida"), "");
        assertThat(offer.statusCode()).isEqualTo(202);
        long messageId = Long.parseLong(offer.body().replaceAll(".*\"messageId\":(\\d+).*", "$1"));
        String token = UploadLinkTokens.in((String) db.message(messageId).get("outbound_payload"));
        long id = jdbc.queryForObject(
                "select id from upload_link where token_hash = ?", Long.class, (Object) OneTimeToken.hash(token));
        return new Link(id, conversation, token);
    }

    /** The upload's message and attachment (the one the link was spent on). */
    private Map<String, Object> uploadOf(Link link) {
        return jdbc.queryForMap("""
                select m.id as message_id, m.conversation_id, m.direction, m.type, m.raw_type, a.id as attachment_id,
                       a.state, a.mime_type, a.size_bytes
                  from upload_link l join message m on m.id = l.message_id join attachment a on a.message_id = m.id
                 where l.id = ?""", link.id());
    }

    private long uploads(long conversation) {
        return db.count("select count(*) from message where conversation_id = ? and raw_type = 'upload'", conversation);
    }

    private byte[] content(long attachment) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(hub.url("/api/attachments/" + attachment + "/content")))
                                    .header("Authorization", "Bearer " + IdentityProvider.agent("ida"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int awaitThen(CountDownLatch start, java.util.function.Supplier<HttpResponse<String>> call) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.get().statusCode();
    }

    static byte[] read(String resource) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources", resource));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
