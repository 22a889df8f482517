package io.carehub.documentation;

import io.carehub.buffer.BufferedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * R5/R17: finds the conversation each update of a batch belongs to, set-based: upserts the contacts, opens
 * a conversation only where a customer has none open and the update is about something not documented yet.
 * A duplicate, Meta's retry or a late status of a message whose conversation was closed stays with that
 * conversation and opens no new, empty one.
 */
@Component
class ConversationResolver {

    private final Contacts contacts;
    private final Conversations conversations;
    private final Messages messages;

    ConversationResolver(Contacts contacts, Conversations conversations, Messages messages) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
    }

    /**
     * The conversation id of each event, in the events' order. {@code wamids[i]} is the storable wamid the
     * event is about (the message's own, or the one a status reports on).
     */
    long[] resolve(List<BufferedEvent> events, String[] wamids) {
        TreeMap<String, String> profileNames = new TreeMap<>(); // sorted: concurrent batches lock in one order
        for (BufferedEvent event : events) {
            String waId = StorableText.of(event.waId());
            // only a message's contacts[] entry names the customer; the last name given wins
            String name = event.kind() == BufferedEvent.Kind.MESSAGE ? StorableText.of(event.profileName()) : null;
            profileNames.put(waId, name != null ? name : profileNames.get(waId));
        }
        Map<String, Long> contactIds = contacts.upsert(profileNames);
        Set<ConversationKey> keys = new LinkedHashSet<>();
        events.forEach(event -> keys.add(ConversationKey.of(event)));
        long[] keyContacts =
                keys.stream().mapToLong(key -> contactIds.get(key.waId())).toArray();
        String[] keyBusiness =
                keys.stream().map(ConversationKey::businessPhoneNumberId).toArray(String[]::new);
        Map<ConversationKey, Long> open = conversations.openOf(keyContacts, keyBusiness);
        if (open.size() < keys.size()) {
            long[] eventContacts = events.stream()
                    .mapToLong(e -> contactIds.get(StorableText.of(e.waId())))
                    .toArray();
            String[] eventBusiness = events.stream()
                    .map(e -> StorableText.of(e.businessPhoneNumberId()))
                    .toArray(String[]::new);
            conversations.openFor(eventContacts, eventBusiness, wamids);
            open = conversations.openOf(keyContacts, keyBusiness);
        }
        long[] result = new long[events.size()];
        List<Integer> closed = new ArrayList<>();
        for (int i = 0; i < result.length; i++) {
            Long id = open.get(ConversationKey.of(events.get(i)));
            if (id == null) {
                closed.add(i);
            } else {
                result[i] = id;
            }
        }
        if (!closed.isEmpty()) {
            // R5: updates of documented messages whose conversation is closed: they stay where their message is
            Map<String, DocumentedMessage> known =
                    messages.known(closed.stream().map(i -> wamids[i]).toArray(String[]::new));
            for (int i : closed) {
                DocumentedMessage message = known.get(wamids[i]);
                if (message == null) {
                    throw new IllegalStateException("no open conversation and no documented message for an update");
                }
                result[i] = message.conversationId();
            }
        }
        return result;
    }
}
