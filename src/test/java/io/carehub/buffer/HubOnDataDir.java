package io.carehub.buffer;

import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A hub on its embedded defaults over a given data dir, so a test can stop it and start it again on the same data. */
final class HubOnDataDir {

    private HubOnDataDir() {}

    /** {@code consume}: whether the buffer consumer documents updates; {@code extra}: more --key=value arguments. */
    static ConfigurableApplicationContext start(Path dataDir, boolean consume, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--carehub.data-dir=" + dataDir,
                "--carehub.postgres.port=0",
                "--carehub.buffer.consumer-enabled=" + consume,
                "--carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
                "--carehub.whatsapp.verify-token=test-verify-token",
                "--carehub.whatsapp.access-token=test-access-token",
                "--carehub.whatsapp.graph-base-url=http://localhost:9",
                "--carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CarehubApplication.class).run(args.toArray(String[]::new));
    }

    /** A webhook POST signed with the test app secret. */
    static HttpResponse<String> post(ConfigurableApplicationContext hub, String body) throws Exception {
        int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                                .header("X-Hub-Signature-256", "sha256=" + Webhook.sign(bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
