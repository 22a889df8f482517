package io.carehub.consent;

import io.carehub.documentation.DocumentedMessage;
import io.carehub.whatsapp.CustomerTexts;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R14: nothing reaches bots or agents before the customer accepted the privacy notice. Messages
 * before that are documented and held; acceptance releases them in order; a decline answers with
 * the alternative channels and hands the contact to erasure.
 */
@Component("consentGate")
public class ConsentGate {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentGate.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboundMessages outbound;
    private final ConsentProperties notice;
    private final CustomerTexts.Consent texts;
    private final Clock clock;

    public ConsentGate(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, OutboundMessages outbound,
            ConsentProperties notice, CustomerTexts texts, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbound = outbound;
        this.notice = notice;
        this.texts = texts.consent();
        this.clock = clock;
    }

    /** The message, its contact's notice state and latest decision: one query per message. */
    private record Subject(long messageId, long conversationId, long contactId, String type, String replyId,
            String wamid, Instant releasedAt, Instant noticeSentAt, String latestDecision) {
    }

    @Handler
    public ConsentOutcome decide(@Body DocumentedMessage documented,
            @Header("JMSRedelivered") Boolean redelivered) {
        Subject subject = load(documented.messageId());
        if (subject.releasedAt() != null) {
            // handled before: a redelivery after a failed hand-off goes on to routing, which re-publishes it
            boolean retry = Boolean.TRUE.equals(redelivered) && "ACCEPTED".equals(subject.latestDecision());
            return new ConsentOutcome(subject.conversationId(), retry, List.of(), retry);
        }
        if ("interactive".equals(subject.type()) && ConsentProperties.ACCEPT_ID.equals(subject.replyId())) {
            return accept(subject);
        }
        if ("interactive".equals(subject.type()) && ConsentProperties.DECLINE_ID.equals(subject.replyId())) {
            return decline(subject);
        }
        if ("ACCEPTED".equals(subject.latestDecision())) {
            markReleased(subject);
            return new ConsentOutcome(subject.conversationId(), true, List.of(subject.messageId()), false);
        }
        hold(subject);
        return new ConsentOutcome(subject.conversationId(), false, List.of(), false);
    }

    private ConsentOutcome accept(Subject subject) {
        List<Long> released = tx.execute(status -> {
            record(subject, "ACCEPTED");
            markReleased(subject);
            jdbc.update("update conversation set consent_state = 'ACCEPTED' where contact_id = :contact and status = 'OPEN'",
                    Map.of("contact", subject.contactId()));
            // held messages continue in the order the customer sent them
            return jdbc.queryForList("""
                    with held as (
                        update message m set released_at = :now
                          from conversation c
                         where m.conversation_id = c.id and c.contact_id = :contact and c.status = 'OPEN'
                           and m.direction = 'INBOUND' and m.released_at is null
                        returning m.id, m.sent_at)
                    select id from held order by sent_at, id""",
                    new MapSqlParameterSource().addValue("contact", subject.contactId())
                            .addValue("now", Timestamp.from(clock.instant())), Long.class);
        });
        LOG.info("consent accepted (notice {}) in conversation {}, {} held messages released", notice.noticeVersion(),
                subject.conversationId(), released.size());
        if (!texts.accepted().isBlank()) {
            outbound.sendIfAllowed(subject.conversationId(), OutboundContent.text(texts.accepted()), "system");
        }
        return new ConsentOutcome(subject.conversationId(), true, released, false);
    }

    private ConsentOutcome decline(Subject subject) {
        tx.executeWithoutResult(status -> {
            record(subject, "DECLINED");
            markReleased(subject);
            jdbc.update("update conversation set consent_state = 'DECLINED' where contact_id = :contact and status = 'OPEN'",
                    Map.of("contact", subject.contactId()));
            // R14/R33: the contact's data is erased by the retention work, not ad hoc here
            jdbc.update("""
                    insert into erasure_request (contact_id, reason, requested_at)
                    values (:contact, 'NOTICE_DECLINED', :now)
                    on conflict (contact_id, reason, status) do nothing""",
                    new MapSqlParameterSource().addValue("contact", subject.contactId())
                            .addValue("now", Timestamp.from(clock.instant())));
        });
        LOG.info("consent declined in conversation {}; contact handed to erasure", subject.conversationId());
        outbound.sendIfAllowed(subject.conversationId(), OutboundContent.text(texts.alternativeChannels()), "system");
        return new ConsentOutcome(subject.conversationId(), false, List.of(), false);
    }

    /** Before consent: keep the message, send the notice — again only after the repeat interval. */
    private void hold(Subject subject) {
        Instant now = clock.instant();
        Instant repeatAfter = now.minus(notice.repeatInterval());
        if (subject.noticeSentAt() != null && subject.noticeSentAt().isAfter(repeatAfter)) {
            // the usual case for a held message: no write (the claim below would not match either)
            LOG.debug("message {} held until consent; notice sent recently", subject.messageId());
            return;
        }
        int claimed = jdbc.update("""
                update contact set notice_sent_at = :now
                 where id = :contact and (notice_sent_at is null or notice_sent_at <= :repeatAfter)""",
                new MapSqlParameterSource().addValue("contact", subject.contactId())
                        .addValue("now", Timestamp.from(now))
                        .addValue("repeatAfter", Timestamp.from(repeatAfter)));
        if (claimed == 1) {
            if (outbound.sendIfAllowed(subject.conversationId(), noticeMessage(), "system")) {
                LOG.info("privacy notice {} sent in conversation {}", notice.noticeVersion(), subject.conversationId());
            } else {
                // not sent (window closed for this late message): the customer's next message tries again
                jdbc.update("update contact set notice_sent_at = null where id = :contact",
                        Map.of("contact", subject.contactId()));
            }
        } else {
            LOG.debug("message {} held until consent; notice sent recently", subject.messageId());
        }
    }

    OutboundContent noticeMessage() {
        return OutboundContent.buttons(texts.notice() + "\n\n" + notice.noticeUrl(), List.of(
                new OutboundContent.Button(ConsentProperties.ACCEPT_ID, texts.acceptButton()),
                new OutboundContent.Button(ConsentProperties.DECLINE_ID, texts.declineButton())));
    }

    private void record(Subject subject, String decision) {
        boolean accepted = decision.equals("ACCEPTED");
        jdbc.update("""
                insert into consent_record (contact_id, notice_version, decision, contact_after_24h, chatbot_processing,
                                            decided_at, message_wamid)
                values (:contact, :version, :decision, :accepted, :accepted, :at, :wamid)""",
                new MapSqlParameterSource().addValue("contact", subject.contactId())
                        .addValue("version", notice.noticeVersion()).addValue("decision", decision)
                        .addValue("accepted", accepted).addValue("at", Timestamp.from(clock.instant()))
                        .addValue("wamid", subject.wamid()));
    }

    private void markReleased(Subject subject) {
        jdbc.update("update message set released_at = :now where id = :id",
                new MapSqlParameterSource().addValue("id", subject.messageId()).addValue("now", Timestamp.from(clock.instant())));
    }

    private Subject load(long messageId) {
        return jdbc.queryForObject("""
                select m.id, m.conversation_id, c.contact_id, m.type, m.details ->> 'id', m.wamid, m.released_at,
                       k.notice_sent_at,
                       (select r.decision from consent_record r where r.contact_id = c.contact_id
                         order by r.decided_at desc, r.id desc limit 1)
                  from message m join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
                 where m.id = :id""", Map.of("id", messageId), (rs, i) -> new Subject(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getString(9)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
