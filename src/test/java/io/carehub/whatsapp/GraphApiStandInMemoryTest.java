package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** R43: the local stand-in keeps only the latest messages it received, however long the hub runs. */
class GraphApiStandInMemoryTest {

    /** A request from 127.0.0.1, the only kind of client the stand-in answers. */
    private static final MockHttpServletRequest LOOPBACK = new MockHttpServletRequest();

    @Test
    void keepsOnlyTheLatestThousandSentMessages() {
        ObjectMapper mapper = new ObjectMapper();
        WhatsappProperties properties = new WhatsappProperties(
                "stand-in-secret",
                null,
                null,
                "https://graph.facebook.com",
                "v23.0",
                DataSize.ofMegabytes(3),
                32,
                java.time.Duration.ofSeconds(10),
                true);
        GraphApiStandIn standIn = new GraphApiStandIn(
                mapper,
                new SignatureVerifier(properties),
                new MockEnvironment().withProperty("local.server.port", "1"));
        try {
            for (int i = 0; i < GraphApiStandIn.SENT_KEPT + 500; i++) {
                ObjectNode request = mapper.createObjectNode()
                        .put("messaging_product", "whatsapp")
                        .put("to", "4915100000" + i)
                        .put("type", "text");
                standIn.send("v23.0", "106540352242922", request, LOOPBACK);
            }

            List<Map<String, Object>> sent = standIn.sent(LOOPBACK);
            assertThat(sent).hasSize(GraphApiStandIn.SENT_KEPT);
            assertThat(((ObjectNode) sent.get(0).get("request")).path("to").asText())
                    .isEqualTo("4915100000500");
            assertThat(((ObjectNode) sent.get(sent.size() - 1).get("request"))
                            .path("to")
                            .asText())
                    .isEqualTo("4915100000" + (GraphApiStandIn.SENT_KEPT + 499));
        } finally {
            standIn.destroy(); // drops the scheduled status webhooks
        }
    }
}
