package io.carehub.documentation;

import io.carehub.buffer.BufferedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * R3/R5/R6/R9/R13: documents a batch's inbound messages set-based: the messages in batch order (a known
 * wamid is a duplicate and changes nothing), the 24-hour windows they open, their media as pending
 * attachments.
 */
@Component
class InboundDocumentation {

    /** R9: a customer message opens or refreshes the 24-hour customer-service window. */
    private static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    private final ConversationResolver resolver;
    private final Messages messages;
    private final MessageQueries messageQueries;
    private final Conversations conversations;
    private final Attachments attachments;

    InboundDocumentation(
            ConversationResolver resolver,
            Messages messages,
            MessageQueries messageQueries,
            Conversations conversations,
            Attachments attachments) {
        this.resolver = resolver;
        this.messages = messages;
        this.messageQueries = messageQueries;
        this.conversations = conversations;
        this.attachments = attachments;
    }

    /** Returns one documented message per event, in batch order (duplicates with fresh = false). */
    List<DocumentedMessage> insert(List<BufferedEvent> events, List<InboundMessage> parsed) {
        int n = events.size();
        String[] wamids = new String[n];
        String[] types = new String[n];
        String[] rawTypes = new String[n];
        String[] texts = new String[n];
        String[] details = new String[n];
        String[] contexts = new String[n];
        Instant[] sentAt = new Instant[n];
        for (int i = 0; i < n; i++) {
            BufferedEvent event = events.get(i);
            InboundMessage message = parsed.get(i);
            // every text as stored (the wamids also so that the returned rows match); no second pass below
            wamids[i] = StorableText.of(event.dedupId());
            types[i] = StorableText.of(message.type());
            rawTypes[i] = StorableText.of(message.rawType());
            texts[i] = StorableText.of(message.textBody());
            details[i] = message.details() == null
                    ? null
                    : StorableText.of(message.details().toString());
            contexts[i] = StorableText.of(message.contextWamid());
            sentAt[i] = message.sentAt() != null ? message.sentAt() : event.receivedAt();
        }
        ConversationResolver.Resolved resolved = resolver.resolveWithContacts(events, wamids);
        long[] conversationIds = resolved.conversations();
        Map<String, Long> inserted = messages.insertInbound(
                wamids,
                conversationIds,
                resolved.contacts(),
                types,
                rawTypes,
                texts,
                details,
                contexts,
                isoStrings(sentAt));
        Map<String, DocumentedMessage> known = inserted.size() == n ? Map.of() : messageQueries.known(wamids);
        List<DocumentedMessage> result = new ArrayList<>(n);
        Map<Long, Instant> latestInbound = new LinkedHashMap<>();
        List<Integer> freshWithMedia = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Long id = inserted.remove(wamids[i]); // the first of equal wamids in a batch is the fresh one
            if (id == null) {
                result.add(known.get(wamids[i])); // R5: duplicate delivery
                continue;
            }
            result.add(new DocumentedMessage(id, conversationIds[i], true));
            if (parsed.get(i).fromWhatsapp()) {
                continue; // R9: only a customer message opens the window
            }
            latestInbound.merge(conversationIds[i], sentAt[i], (a, b) -> a.isAfter(b) ? a : b);
            if (parsed.get(i).media() != null) {
                freshWithMedia.add(i);
            }
        }
        openServiceWindows(latestInbound);
        insertPendingAttachments(freshWithMedia, result, parsed, resolved.contacts());
        return result;
    }

    /** R9: a customer message opens or refreshes the 24-hour window of its conversation. */
    private void openServiceWindows(Map<Long, Instant> latestInbound) {
        if (latestInbound.isEmpty()) {
            return;
        }
        Instant[] sent = latestInbound.values().toArray(Instant[]::new);
        Instant[] expires = latestInbound.values().stream()
                .map(at -> at.plus(SERVICE_WINDOW))
                .toArray(Instant[]::new);
        conversations.openServiceWindows(
                latestInbound.keySet().stream().mapToLong(Long::longValue).toArray(),
                isoStrings(sent),
                isoStrings(expires));
    }

    /** R6: media is documented at once as a pending attachment; the media-download route fetches it. */
    private void insertPendingAttachments(
            List<Integer> indexes, List<DocumentedMessage> documented, List<InboundMessage> parsed, long[] contacts) {
        if (indexes.isEmpty()) {
            return;
        }
        int n = indexes.size();
        long[] messageIds = new long[n];
        long[] contactIds = new long[n];
        String[] mediaIds = new String[n];
        String[] mimes = new String[n];
        String[] sha256s = new String[n];
        String[] filenames = new String[n];
        for (int k = 0; k < n; k++) {
            int i = indexes.get(k);
            InboundMessage.Media media = parsed.get(i).media();
            messageIds[k] = documented.get(i).messageId();
            contactIds[k] = contacts[i];
            mediaIds[k] = media.mediaId();
            mimes[k] = media.mimeType();
            sha256s[k] = media.sha256();
            filenames[k] = media.filename();
        }
        attachments.insertPending(messageIds, contactIds, mediaIds, mimes, sha256s, filenames);
    }

    private static String[] isoStrings(Instant[] instants) {
        String[] iso = new String[instants.length];
        for (int i = 0; i < instants.length; i++) {
            iso[i] = instants[i].toString();
        }
        return iso;
    }
}
