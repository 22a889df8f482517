package io.carehub.documentation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R17: owner of the table {@code contact} (the customer's WhatsApp id, phone number, profile name and
 * when the privacy notice was last sent). Every statement that writes it lives here.
 *
 * <p>Table owners (one class holds all SQL of its tables): {@code contact} → {@code Contacts};
 * {@code conversation} → {@link Conversations} (writes, state machine) and {@link ConversationQueries} (reads);
 * {@code message} → {@link Messages} and {@link MessageHistory} (history and export reads);
 * {@code message_status}, {@code billing_record} → {@link Statuses}; {@code attachment} →
 * {@link Attachments}; {@code rejected_update} → {@link RejectedUpdates}; {@code customer_identity} →
 * {@link CustomerIdentities}; {@code consent_record} → {@code consent.Consents}; {@code erasure_request}
 * → {@code consent.ErasureRequests}; {@code agent_action} → {@code routing.AgentActions};
 * {@code dialog}, {@code dialog_log} → {@code dialog.Dialogs}; {@code deletion_audit} →
 * {@code privacy.DeletionAudit}; {@code pseudonym_session}, {@code pseudonym} → {@code privacy.PseudonymVault};
 * {@code access_log} → {@code access.AccessLog}.
 * A read may join a neighbour table for its columns where that saves a round trip on a hot path; the
 * owner of the rows it returns holds it.
 */
@Component
public class Contacts {

    private final NamedParameterJdbcTemplate jdbc;

    Contacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Upserts contacts (wa_id → profile name, null keeps the stored name) in one statement and returns their
     * ids by wa_id. The map is sorted by wa_id so concurrent batches lock in one order. Keys and names must
     * be storable already.
     */
    Map<String, Long> upsert(SortedMap<String, String> profileNames) {
        Map<String, Long> contactIds = new HashMap<>();
        jdbc.query(
                """
                insert into contact (wa_id, phone_number, profile_name)
                select c.wa_id, c.wa_id, c.name
                  from unnest(cast(:waIds as text[]), cast(:names as text[])) with ordinality as c(wa_id, name, ord)
                 order by c.ord
                on conflict (wa_id) do update
                   set profile_name = coalesce(excluded.profile_name, contact.profile_name),
                       updated_at = case when excluded.profile_name is distinct from contact.profile_name
                                              and excluded.profile_name is not null
                                         then now() else contact.updated_at end
                returning id, wa_id""",
                new MapSqlParameterSource()
                        .addValue("waIds", profileNames.keySet().toArray(String[]::new))
                        .addValue("names", profileNames.values().toArray(String[]::new)),
                rs -> {
                    contactIds.put(rs.getString(2), rs.getLong(1));
                });
        return contactIds;
    }

    /**
     * R14: claims the right to send the privacy notice now; false when it was sent after {@code repeatAfter}
     * (by this or another instance).
     */
    public boolean claimNotice(long contactId, Instant now, Instant repeatAfter) {
        return jdbc.update(
                        """
                update contact set notice_sent_at = :now
                 where id = :contact and (notice_sent_at is null or notice_sent_at <= :repeatAfter)""",
                        new MapSqlParameterSource()
                                .addValue("contact", contactId)
                                .addValue("now", Timestamp.from(now))
                                .addValue("repeatAfter", Timestamp.from(repeatAfter)))
                == 1;
    }

    /** R14: the notice was not sent after all (window closed): the next message tries again. */
    public void forgetNotice(long contactId) {
        jdbc.update("update contact set notice_sent_at = null where id = :contact", Map.of("contact", contactId));
    }
}
