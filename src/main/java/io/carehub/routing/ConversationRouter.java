package io.carehub.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.consent.ConsentOutcome;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.ConversationQueries.Routing;
import io.carehub.documentation.ConversationStatus;
import io.carehub.documentation.Conversations;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.MessageQueries.Released;
import io.carehub.holidays.PublicHolidays;
import io.carehub.routing.RoutingRules.Pool;
import io.carehub.routing.RoutingRules.Segment;
import io.carehub.routing.RoutingRules.Topic;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R20/R21: decides segment, topic and pool for a conversation whose messages passed the consent
 * gate, sends the menu when it cannot decide, and hands the conversation to its pool's queue.
 */
@Component("conversationRouter")
public class ConversationRouter {

    static final String POOL_HEADER = "carehubPool";
    static final String MENU_PREFIX = "menu:";
    private static final Logger LOG = LoggerFactory.getLogger(ConversationRouter.class);

    private final Conversations conversations;
    private final ConversationQueries queries;
    private final MessageQueries messages;
    private final CustomerIdentities identities;
    private final RoutingRulesSource rules;
    private final OutboundMessages outbound;
    private final ObjectMapper mapper;
    private final PublicHolidays holidays;
    private final Clock clock;

    public ConversationRouter(
            Conversations conversations,
            ConversationQueries queries,
            MessageQueries messages,
            CustomerIdentities identities,
            RoutingRulesSource rules,
            OutboundMessages outbound,
            ObjectMapper mapper,
            PublicHolidays holidays,
            Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.messages = messages;
        this.identities = identities;
        this.rules = rules;
        this.outbound = outbound;
        this.mapper = mapper;
        this.holidays = holidays;
        this.clock = clock;
    }

    /** Returns the hand-off for the pool queue (header {@value #POOL_HEADER} set), or null when none is due. */
    @Handler
    public HandOff route(@Body ConsentOutcome outcome, Exchange exchange) {
        Routing conversation = queries.routing(outcome.conversationId());
        if (outcome.retry() && conversation.status() == ConversationStatus.WAITING) {
            // the earlier attempt committed the routing but its hand-off may not have reached the queue;
            // desktops treat hand-offs idempotently by conversationId
            HandOff again = reissue(conversation.id(), null);
            exchange.getMessage().setHeader(POOL_HEADER, again.pool());
            return again;
        }
        if (conversation.status() != ConversationStatus.NEW
                && conversation.status() != ConversationStatus.AWAITING_MENU) {
            return null; // already with a pool or an agent: they read the history
        }
        RoutingRules current = rules.current();
        String segment = conversation.segment();
        String source = conversation.segmentSource();
        String topic = conversation.topic();
        // R20: legitimation, then the business-number list decide the segment; the menu only where neither does,
        // also when the menu choice arrives in the same batch as the message that starts routing
        if (segment == null) {
            Optional<CustomerIdentities.Identity> legitimated = identities.of(conversation.contactId());
            if (legitimated.isPresent()) {
                segment = legitimated.get().segment();
                source = "LEGITIMATION";
            } else if (current.isBusinessNumber(conversation.waId(), conversation.userId())) {
                segment = Segment.BUSINESS.name();
                source = "BUSINESS_NUMBER_LIST";
            }
        }
        for (Released message : messages.released(outcome.released())) {
            if ("interactive".equals(message.type())
                    && message.replyId() != null
                    && message.replyId().startsWith(MENU_PREFIX)) {
                String[] choice = message.replyId().split(":", 3); // menu:SEGMENT:topic
                if (choice.length == 3 && current.topic(choice[2]).isPresent()) {
                    if (!"LEGITIMATION".equals(source) && !"BUSINESS_NUMBER_LIST".equals(source)) {
                        segment = choice[1];
                        source = "MENU";
                    }
                    topic = choice[2];
                }
            } else if (topic == null && message.text() != null) {
                topic = detectTopic(current, message.text()).orElse(null);
            }
        }
        conversations.classify(conversation.id(), segment, source, topic);
        if (segment != null && topic != null) {
            HandOff handOff = handOff(conversation, current, Segment.valueOf(segment), source, topic);
            if (handOff != null) {
                exchange.getMessage().setHeader(POOL_HEADER, handOff.pool());
            }
            return handOff;
        }
        if (conversation.menuSentAt() == null) {
            outbound.sendIfAllowed(
                    conversation.id(), menu(current, segment == null ? null : Segment.valueOf(segment)), "system");
            conversations.awaitMenu(conversation.id(), clock.instant());
            LOG.info(
                    "conversation {} awaits the menu choice (segment {}, topic {})", conversation.id(), segment, topic);
        }
        return null;
    }

    /** Queues the conversation in its pool; null when it left NEW/AWAITING_MENU meanwhile. */
    private HandOff handOff(Routing conversation, RoutingRules current, Segment segment, String source, String topic) {
        Pool pool = current.poolFor(segment, topic)
                .orElseThrow(() -> new IllegalStateException(
                        "no pool for " + segment + "/" + topic + " although the rules were validated"));
        Instant now = clock.instant();
        // R21: public holidays (federal and the configured state's) from the same calendar as erasure, plus the file's
        boolean open = pool.hours()
                .isOpen(
                        now.atZone(current.timeZone()),
                        day -> current.holidays().contains(day) || holidays.isHoliday(day));
        String preferredAgent = queries.lastAgent(
                        conversation.contactId(), conversation.id(), now.minus(Duration.ofDays(current.stickyDays())))
                .orElse(null);
        if (!conversations.queue(conversation.id(), pool.id(), pool.priority(), now, preferredAgent)) {
            LOG.info(
                    "conversation {} left {} while it was routed: no hand-off",
                    conversation.id(),
                    conversation.status());
            return null;
        }
        if (!open && pool.outOfHoursReply() != null) {
            if (conversations.claimOutOfHoursReply(conversation.id(), now)) {
                outbound.sendIfAllowed(conversation.id(), OutboundContent.text(pool.outOfHoursReply()), "system");
            }
        }
        LOG.info(
                "conversation {} handed to pool {} (segment {} from {}, topic {}, {})",
                conversation.id(),
                pool.id(),
                segment,
                source,
                topic,
                open ? "open" : "out of hours");
        return new HandOff(
                conversation.id(),
                pool.id(),
                segment.name(),
                source,
                topic,
                pool.priority(),
                legitimated(conversation.contactId()),
                preferredAgent,
                now,
                null,
                !open,
                HandOff.historyUrl(conversation.id()),
                HandOff.customerUrl(conversation.id()));
    }

    /** The hand-off of a conversation already in a pool (transfer, overflow), read from its row. */
    HandOff reissue(long conversationId, String overflowFrom) {
        Routing conversation = queries.routing(conversationId);
        ConversationQueries.Queued queued = queries.queued(conversationId);
        return new HandOff(
                conversationId,
                queued.pool(),
                queued.segment(),
                queued.segmentSource(),
                queued.topic(),
                queued.priority(),
                legitimated(conversation.contactId()),
                queued.preferredAgent(),
                queued.queuedAt(),
                overflowFrom,
                false,
                HandOff.historyUrl(conversationId),
                HandOff.customerUrl(conversationId));
    }

    /** R19/R27: the hand-off only says whether there is legitimation data; the agent reads it at customerUrl. */
    private boolean legitimated(long contactId) {
        return identities.of(contactId).isPresent();
    }

    static Optional<String> detectTopic(RoutingRules rules, String text) {
        String lower = text.toLowerCase(Locale.GERMAN);
        for (Topic topic : rules.topics()) {
            for (String keyword : topic.keywords()) {
                if (lower.contains(keyword)) {
                    return Optional.of(topic.id());
                }
            }
        }
        return Optional.empty();
    }

    /** The interactive list: topics of the known segment, or both segments' topics as two sections. */
    OutboundContent menu(RoutingRules current, Segment known) {
        ObjectNode interactive = mapper.createObjectNode().put("type", "list");
        interactive.putObject("body").put("text", current.menu().text());
        ObjectNode action =
                interactive.putObject("action").put("button", current.menu().button());
        ArrayNode sections = action.putArray("sections");
        for (Segment segment : Segment.values()) {
            if (known != null && known != segment) {
                continue;
            }
            ObjectNode section = sections.addObject()
                    .put(
                            "title",
                            segment == Segment.PRIVATE
                                    ? current.menu().privateSection()
                                    : current.menu().businessSection());
            ArrayNode rows = section.putArray("rows");
            for (Topic topic : current.topics()) {
                rows.addObject()
                        .put("id", MENU_PREFIX + segment.name() + ":" + topic.id())
                        .put("title", topic.title());
            }
        }
        return new OutboundContent("interactive", interactive);
    }
}
