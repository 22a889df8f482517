package io.carehub.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.buffer.JmsBatchMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/**
 * R13/R14: a documented batch's inbound messages as lifecycle-queue messages, in batch order, with the
 * conversation as message group. The route sends them with {@code jms-batch:queue:...}, which joins the
 * batch's broker transaction, so the hand-on and the removal from the buffer commit together.
 */
@Component("lifecycleHandOn")
public class LifecycleHandOn {

    private final ObjectMapper mapper;

    public LifecycleHandOn(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Handler
    public List<JmsBatchMessage> messages(@Body List<DocumentedMessage> messages) {
        List<JmsBatchMessage> out = new ArrayList<>(messages.size());
        for (DocumentedMessage message : messages) {
            out.add(new JmsBatchMessage(
                    json(message), Map.of(JmsBatchMessage.GROUP_ID, "conversation-" + message.conversationId())));
        }
        return out;
    }

    private String json(DocumentedMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("documented message not serializable", e);
        }
    }
}
