package io.carehub;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts to the hub's WhatsApp webhook as Meta does: JSON signed with the app secret (R2), or with a given signature. */
public final class Webhook {

    private final HubApi hub;

    Webhook(HubApi hub) {
        this.hub = hub;
    }

    /** The X-Hub-Signature-256 hex digest of {@code body} under the tests' app secret. */
    public static String sign(byte[] body) {
        return WebhookSignature.hex(HubTest.APP_SECRET, body);
    }

    public HttpResponse<String> postSigned(String body) {
        return postSigned(body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postSigned(byte[] body) {
        return post(body, "sha256=" + sign(body));
    }

    /** A POST with this signature header, or none if {@code signature} is null. */
    public HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url("/webhooks/whatsapp")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return hub.send(request.build());
    }
}
