package io.carehub.privacy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * R33: owner of the table {@code anonymized_transcript}: what remains of an erased contact's chats („Darüber hinaus
 * werden die Chats anonymisiert bis auf Weiteres gespeichert“): anonymized lines under a random reference per
 * conversation, times cut to the day, no link to a contact. The other tables' owners are listed in
 * {@code documentation.Contacts}.
 */
@Component
public class KeptTranscripts {

    private final NamedParameterJdbcTemplate jdbc;
    private final TranscriptAnonymizer anonymizer;

    KeptTranscripts(NamedParameterJdbcTemplate jdbc, TranscriptAnonymizer anonymizer) {
        this.jdbc = jdbc;
        this.anonymizer = anonymizer;
    }

    /** Keeps an anonymized copy of the conversations' messages; returns the number of lines kept. */
    public int keep(List<Long> conversationIds, Instant now) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        Map<Long, UUID> references = new HashMap<>();
        Map<Long, Integer> seq = new HashMap<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        anonymizer.linesOf(conversationIds, line -> {
            UUID reference = references.computeIfAbsent(line.conversationId(), id -> UUID.randomUUID());
            rows.add(new MapSqlParameterSource()
                    .addValue("ref", reference)
                    .addValue("seq", seq.merge(line.conversationId(), 1, Integer::sum))
                    .addValue("direction", line.direction())
                    .addValue("type", line.type())
                    .addValue(
                            "day",
                            line.sentAt() == null
                                    ? null
                                    : Date.valueOf(line.sentAt()
                                            .atOffset(ZoneOffset.UTC)
                                            .toLocalDate()))
                    .addValue("text", line.text() == null ? null : anonymizer.anonymize(line))
                    .addValue("now", Timestamp.from(now)));
        });
        jdbc.batchUpdate("""
                insert into anonymized_transcript (conversation_ref, seq, direction, type, day, text, kept_at)
                values (:ref, :seq, :direction, :type, :day, :text, :now)""", rows.toArray(SqlParameterSource[]::new));
        return rows.size();
    }
}
