package io.carehub.buffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.ops.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/**
 * R5/R11/R13: turns the events of one webhook POST into buffer messages: each encrypted, with its
 * duplicate-detection id and a pseudonymous message group per customer. The route sends them with
 * {@code jms-batch:queue:...} in one broker transaction, so one journal sync covers the whole POST.
 */
@Component("bufferEnvelopes")
public class BufferEnvelopes {

    static final String KIND = "carehubKind";

    private final BufferCipher cipher;
    private final ObjectMapper mapper;
    private final HmacSha256 groupHmac;

    public BufferEnvelopes(BufferCipher cipher, ObjectMapper mapper, BufferProperties properties) {
        this.cipher = cipher;
        this.mapper = mapper;
        this.groupHmac = new HmacSha256(properties.groupKey());
    }

    @Handler
    public List<JmsBatchMessage> seal(@Body List<BufferedEvent> events) {
        List<JmsBatchMessage> messages = new ArrayList<>(events.size());
        for (BufferedEvent event : events) {
            messages.add(new JmsBatchMessage(
                    cipher.encrypt(serialize(event)),
                    Map.of(
                            JmsBatchMessage.DUPLICATE_ID,
                            event.dedupId(),
                            JmsBatchMessage.GROUP_ID,
                            groupId(event.groupKey()),
                            KIND,
                            event.kind().name())));
        }
        return messages;
    }

    private byte[] serialize(BufferedEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    /** R13 grouping by customer without writing the phone number into broker headers. */
    String groupId(String waId) {
        return HexFormat.of().formatHex(groupHmac.of(waId.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
