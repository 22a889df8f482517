package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.buffer.JmsBatchMessage;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.Conversations;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.Messages;
import io.carehub.whatsapp.WindowClosedException.Reason;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R7/R9: the one way anything (consent gate, routing, agents, bots) sends a WhatsApp message. It
 * checks the 24-hour window now, documents the message as 'queued' and puts it on the outbound
 * queue (route {@code outbound-enqueue}), where the sender applies the rate limit and calls the Graph API.
 */
@Component("outboundMessages")
public class OutboundMessages {

    /** The outbound queue's one entry (routes/whatsapp-outbound.yaml). */
    static final String ENQUEUE = "direct:outbound-enqueue";

    private static final Logger LOG = LoggerFactory.getLogger(OutboundMessages.class);

    private final ConversationQueries queries;
    private final Conversations conversations;
    private final Messages messages;
    private final MessageQueries messageQueries;
    private final TransactionTemplate tx;
    private final ProducerTemplate camel;
    private final WindowPolicy window;
    private final OutboundProperties properties;
    private final ObjectMapper mapper;

    public OutboundMessages(
            ConversationQueries queries,
            Conversations conversations,
            Messages messages,
            MessageQueries messageQueries,
            TransactionTemplate tx,
            ProducerTemplate camel,
            WindowPolicy window,
            OutboundProperties properties,
            ObjectMapper mapper) {
        this.queries = queries;
        this.conversations = conversations;
        this.messages = messages;
        this.messageQueries = messageQueries;
        this.tx = tx;
        this.camel = camel;
        this.window = window;
        this.properties = properties;
        this.mapper = mapper;
    }

    /**
     * Sends {@code content} in the conversation on behalf of {@code actor} (agent id, "system", "bot").
     *
     * @return the id of the documented outbound message (the fallback template's, if one replaced it)
     * @throws WindowClosedException when the 24-hour window forbids it and no fallback template is configured
     */
    public long send(long conversationId, OutboundContent content, String actor) {
        return queue(conversationId, content, actor, null);
    }

    /**
     * R47: sends {@code content} as the agent the conversation is assigned to. The assignment is checked under the
     * conversation's row lock in the send's own transaction, so a reply cannot slip through while a transfer,
     * reassignment or close takes the conversation away.
     *
     * @return the id of the documented outbound message, or empty if {@code agentId} does not hold the conversation
     * @throws WindowClosedException when the 24-hour window forbids it and no fallback template is configured
     */
    public OptionalLong sendAsAssignee(long conversationId, OutboundContent content, String agentId) {
        Long id = queue(conversationId, content, agentId, agentId);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    private Long queue(long conversationId, OutboundContent content, String actor, String assignee) {
        OutboundContent allowed = allowed(conversationId, content);
        ConversationQueries.Recipient recipient = queries.recipient(conversationId);
        if (recipient.waId() == null && "template".equals(allowed.type())) {
            refuseTemplateMetaRefusedForBsuids(allowed);
        }
        Long id = tx.execute(status -> {
            if (assignee != null && !conversations.lockClaimedBy(conversationId, assignee)) {
                return null;
            }
            ObjectNode payload = mapper.createObjectNode()
                    .put("messaging_product", "whatsapp")
                    .put("recipient_type", "individual");
            // R52: the phone number when known (Meta's recommendation), else the business-scoped user ID
            if (recipient.waId() != null) {
                payload.put("to", recipient.waId());
            } else {
                payload.put("recipient", recipient.userId());
            }
            payload.put("type", allowed.type());
            payload.set(allowed.type(), allowed.body());
            long messageId = messages.queueOutbound(
                    conversationId, allowed.type(), allowed.readableText(), actor, payload.toString());
            // inside the database transaction: if the broker refuses, nothing is documented either
            enqueue(messageId, conversationId);
            return messageId;
        });
        if (id == null) {
            return null; // the agent no longer holds the conversation: nothing documented, nothing sent
        }
        LOG.info(
                "outbound {} message {} queued in conversation {} by {}",
                allowed.type(),
                id,
                conversationId,
                actor.startsWith("agent") || actor.equals("system") || actor.equals("bot") ? actor : "an agent");
        return id;
    }

    /**
     * Recovery: re-enqueues messages still 'queued' after {@code carehub.outbound.requeue-after}
     * (an enqueue that joined a broker transaction which later rolled back). The broker's duplicate
     * detection drops a copy it still holds, and the sender only sends rows still 'queued'.
     */
    @org.apache.camel.Handler
    public int requeueStale() {
        List<MessageQueries.Stale> stale =
                messageQueries.stillQueued(properties.requeueAfter().toMillis() / 1000.0, 500);
        for (MessageQueries.Stale message : stale) {
            enqueue(message.id(), message.conversationId());
        }
        if (!stale.isEmpty()) {
            LOG.warn("{} outbound messages still queued: put on the outbound queue again", stale.size());
        }
        return stale.size();
    }

    /** R13: in order per conversation; the duplicate-detection id lets the broker drop a second copy. */
    private void enqueue(long messageId, long conversationId) {
        camel.sendBody(
                ENQUEUE,
                new JmsBatchMessage(
                        Long.toString(messageId),
                        Map.of(
                                JmsBatchMessage.GROUP_ID, "conversation-" + conversationId,
                                JmsBatchMessage.DUPLICATE_ID, "outbound-" + messageId)));
    }

    /**
     * For system replies (notice, menu, auto-replies): sends if the window allows it; a refusal is
     * logged and reported as false, never thrown, so it cannot block the conversation.
     */
    public boolean sendIfAllowed(long conversationId, OutboundContent content, String actor) {
        try {
            send(conversationId, content, actor);
            return true;
        } catch (WindowClosedException closed) {
            LOG.warn("system reply in conversation {} not sent: {}", conversationId, closed.getReason());
            return false;
        }
    }

    /** R52: a template Meta refused for a BSUID recipient (131062) is refused here too for customers without phone. */
    private void refuseTemplateMetaRefusedForBsuids(OutboundContent template) {
        String name = template.body().path("name").asText();
        if (messageQueries.templateRefusedForBsuids(name)) {
            throw new RecipientNotSupportedException(
                    "WhatsApp does not deliver the template '" + name + "' to customers without a known phone number"
                            + " (error " + RecipientNotSupportedException.CODE + ")");
        }
    }

    private OutboundContent allowed(long conversationId, OutboundContent content) {
        try {
            window.check(conversationId, content.type());
            return content;
        } catch (WindowClosedException closed) {
            if (closed.getReason() != Reason.WINDOW_CLOSED_NOT_TEMPLATE
                    || properties.windowFallbackTemplate().isBlank()) {
                throw closed;
            }
            // R9: the configured template replaces the free-form message; it still needs contact-after-24h consent
            OutboundContent fallback = OutboundContent.template(
                    properties.windowFallbackTemplate(), properties.windowFallbackLanguage(), null);
            window.check(conversationId, fallback.type());
            LOG.info(
                    "window closed in conversation {}: fallback template {} instead",
                    conversationId,
                    properties.windowFallbackTemplate());
            return fallback;
        }
    }
}
