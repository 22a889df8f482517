package io.carehub.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.carehub.crypto.ContactKeys;
import io.carehub.documentation.MessageHistory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * R28: exports transcripts with personal data removed, one JSON object per message (JSONL):
 * {@code {"conversation":1,"seq":1,"direction":"INBOUND","type":"text","day":"2026-11-25","text":"…"}}.
 * Conversations are numbered within the export (no database id, no WhatsApp id, no phone number),
 * times are cut to the day, and the contact's own phone number and profile name are removed as
 * known values in addition to everything the detector finds.
 */
public class TranscriptAnonymizer {

    private static final JsonFactory JSON = new JsonFactory();

    private final MessageHistory messages;
    private final Stripper stripper;

    public TranscriptAnonymizer(NamedParameterJdbcTemplate jdbc, ContactKeys keys, Stripper stripper) {
        // also used by the command line, outside the application context
        this.messages = new MessageHistory(jdbc, keys);
        this.stripper = stripper;
    }

    /** Streams the messages sent in [from, to) to {@code out}; returns the number written. */
    public int export(Instant from, Instant to, OutputStream out) {
        Map<Long, Integer> conversationNumbers = new HashMap<>();
        int[] count = {0};
        int[] seq = {0};
        long[] lastConversation = {-1};
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setRootValueSeparator(null);
            messages.transcript(from, to, line -> {
                long conversation = line.conversationId();
                if (conversation != lastConversation[0]) {
                    seq[0] = 0;
                    lastConversation[0] = conversation;
                }
                KnownValues known = KnownValues.none();
                if (line.phoneNumber() != null)
                    known = known.with(
                            EntityType.PHONE, "+" + line.phoneNumber().replace("+", ""));
                if (line.waId() != null)
                    known = known.with(EntityType.PHONE, "+" + line.waId().replace("+", ""));
                if (line.profileName() != null) known = known.with(EntityType.PERSON, line.profileName());
                // R52: BSUID and username are personal data too
                if (line.userId() != null) known = known.with(EntityType.OTHER_ID, line.userId());
                if (line.username() != null) known = known.with(EntityType.PERSON, line.username());
                try {
                    json.writeStartObject();
                    json.writeNumberField(
                            "conversation",
                            conversationNumbers.computeIfAbsent(conversation, k -> conversationNumbers.size() + 1));
                    json.writeNumberField("seq", ++seq[0]);
                    json.writeStringField("direction", line.direction());
                    json.writeStringField("type", line.type());
                    Instant sent = line.sentAt();
                    json.writeStringField(
                            "day", sent == null ? null : sent.toString().substring(0, 10));
                    json.writeStringField("text", stripper.strip(line.text(), known));
                    json.writeEndObject();
                    json.writeRaw('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    // ---- erasure (i15-erasure) ----

    /** R33: the line's text with personal data removed: the contact's own identifiers and whatever the detector finds. */
    public String anonymize(MessageHistory.TranscriptLine line) {
        KnownValues known = KnownValues.none();
        if (line.phoneNumber() != null)
            known = known.with(EntityType.PHONE, "+" + line.phoneNumber().replace("+", ""));
        if (line.waId() != null)
            known = known.with(EntityType.PHONE, "+" + line.waId().replace("+", ""));
        if (line.profileName() != null) known = known.with(EntityType.PERSON, line.profileName());
        if (line.userId() != null) known = known.with(EntityType.OTHER_ID, line.userId());
        if (line.username() != null) known = known.with(EntityType.PERSON, line.username());
        return stripper.strip(line.text(), known);
    }

    /** R33: the messages of the conversations, for {@link #anonymize}. */
    public void linesOf(List<Long> conversationIds, Consumer<MessageHistory.TranscriptLine> lines) {
        messages.transcriptOf(conversationIds, lines);
    }
}
