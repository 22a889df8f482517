package io.carehub.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * R28: exports transcripts with personal data removed, one JSON object per message (JSONL):
 * {@code {"conversation":1,"seq":1,"direction":"INBOUND","type":"text","day":"2026-11-25","text":"…"}}.
 * Conversations are numbered within the export (no database id, no WhatsApp id, no phone number),
 * times are cut to the day, and the contact's own phone number and profile name are removed as
 * known values in addition to everything the detector finds.
 */
public class TranscriptAnonymizer {

    private static final JsonFactory JSON = new JsonFactory();

    private final NamedParameterJdbcTemplate jdbc;
    private final Stripper stripper;

    public TranscriptAnonymizer(NamedParameterJdbcTemplate jdbc, Stripper stripper) {
        this.jdbc = jdbc;
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
            jdbc.query("""
                            select m.conversation_id, m.direction, m.type, m.sent_at, m.text_body, c.phone_number, c.wa_id, c.profile_name
                            from message m
                            join conversation v on v.id = m.conversation_id
                            join contact c on c.id = v.contact_id
                            where m.sent_at >= :from and m.sent_at < :to
                            order by m.conversation_id, m.sent_at, m.id""",
                    new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), rs -> {
                        long conversation = rs.getLong(1);
                        if (conversation != lastConversation[0]) {
                            seq[0] = 0;
                            lastConversation[0] = conversation;
                        }
                        KnownValues known = KnownValues.none();
                        if (rs.getString(6) != null) known = known.with(EntityType.PHONE, "+" + rs.getString(6).replace("+", ""));
                        if (rs.getString(7) != null) known = known.with(EntityType.PHONE, "+" + rs.getString(7).replace("+", ""));
                        if (rs.getString(8) != null) known = known.with(EntityType.PERSON, rs.getString(8));
                        try {
                            json.writeStartObject();
                            json.writeNumberField("conversation", conversationNumbers.computeIfAbsent(conversation, k -> conversationNumbers.size() + 1));
                            json.writeNumberField("seq", ++seq[0]);
                            json.writeStringField("direction", rs.getString(2));
                            json.writeStringField("type", rs.getString(3));
                            Timestamp sent = rs.getTimestamp(4);
                            json.writeStringField("day", sent == null ? null : sent.toInstant().toString().substring(0, 10));
                            json.writeStringField("text", stripper.strip(rs.getString(5), known));
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
}
