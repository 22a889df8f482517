package io.carehub.documentation;

import io.carehub.buffer.BufferedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R5/R17/R52: finds the conversation each update of a batch belongs to, set-based: resolves the contacts (by
 * BSUID or phone number, re-linked by identifier changes), opens
 * a conversation only where a customer has none open and the update is about something not documented yet.
 * A duplicate, Meta's retry or a late status of a message whose conversation was closed stays with that
 * conversation and opens no new, empty one.
 */
@Component
class ConversationResolver {

    private final Contacts contacts;
    private final Conversations conversations;
    private final MessageQueries messages;

    ConversationResolver(Contacts contacts, Conversations conversations, MessageQueries messages) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
    }

    /** The conversation and the contact of each event, in the events' order. */
    record Resolved(long[] conversations, long[] contacts) {}

    /**
     * The conversation id of each event, in the events' order. {@code wamids[i]} is the storable wamid the
     * event is about (the message's own, or the one a status reports on).
     */
    long[] resolve(List<BufferedEvent> events, String[] wamids) {
        return resolveWithContacts(events, wamids).conversations();
    }

    /** As {@link #resolve}, with each event's contact (R19: whose key encrypts what the event carries). */
    Resolved resolveWithContacts(List<BufferedEvent> events, String[] wamids) {
        // R52: identifier changes first, so that the batch's updates find the contact by its new identifiers
        for (BufferedEvent event : events) {
            CustomerIdentity.IdentifierChange change = CustomerIdentity.IdentifierChange.of(event);
            if (change != null) {
                contacts.relink(change);
            }
        }
        List<CustomerIdentity> identities =
                events.stream().map(CustomerIdentity::of).toList();
        Map<String, Long> contactIds = contacts.resolve(identities);
        long[] eventContacts = identities.stream()
                .mapToLong(identity -> contactIds.get(identity.key()))
                .toArray();
        String[] eventBusiness = events.stream()
                .map(e -> StorableText.of(e.businessPhoneNumberId()))
                .toArray(String[]::new);
        List<ConversationKey> eventKeys = new ArrayList<>(events.size());
        for (int i = 0; i < eventContacts.length; i++) {
            eventKeys.add(new ConversationKey(eventContacts[i], eventBusiness[i]));
        }
        Set<ConversationKey> keys = new LinkedHashSet<>(eventKeys);
        long[] keyContacts = keys.stream().mapToLong(ConversationKey::contactId).toArray();
        String[] keyBusiness =
                keys.stream().map(ConversationKey::businessPhoneNumberId).toArray(String[]::new);
        Map<ConversationKey, Long> open = conversations.openOf(keyContacts, keyBusiness);
        if (open.size() < keys.size()) {
            conversations.openFor(eventContacts, eventBusiness, wamids);
            open = conversations.openOf(keyContacts, keyBusiness);
        }
        long[] result = new long[events.size()];
        List<Integer> closed = new ArrayList<>();
        for (int i = 0; i < result.length; i++) {
            Long id = open.get(eventKeys.get(i));
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
        return new Resolved(result, eventContacts);
    }
}
