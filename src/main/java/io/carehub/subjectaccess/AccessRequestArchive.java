package io.carehub.subjectaccess;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carehub.consent.Consents;
import io.carehub.consent.ErasureRequests;
import io.carehub.dialog.Dialogs;
import io.carehub.documentation.AttachmentQueries;
import io.carehub.documentation.ContactQueries;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.documentation.MessageHistory;
import io.carehub.documentation.Statuses;
import io.carehub.documentation.StreamingReads;
import io.carehub.routing.AgentActions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R50: writes everything stored about one contact as a zip, straight to the response: {@value #DATA_ENTRY} (the
 * contact, identity, consents, erasure requests, conversations, messages, statuses, billing metadata, agent actions,
 * dialogs and their logs, attachments' metadata) and then each stored attachment's bytes under {@code attachments/}.
 * Every table is read through its owner in one read-only snapshot, a fetch at a time; rows are written as they are
 * read, so neither the data nor the archive is ever whole in memory (an attachment's bytes are read one at a time).
 */
@Component
class AccessRequestArchive {

    static final String DATA_ENTRY = "export.json";

    private static final Logger LOG = LoggerFactory.getLogger(AccessRequestArchive.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerIdentities identities;
    private final Consents consents;
    private final ErasureRequests erasures;
    private final ConversationQueries conversations;
    private final MessageHistory messages;
    private final Statuses statuses;
    private final AgentActions agentActions;
    private final Dialogs dialogs;
    private final AttachmentQueries attachments;
    private final AccessExports exports;
    private final ObjectMapper mapper;
    private final Clock clock;

    AccessRequestArchive(
            NamedParameterJdbcTemplate jdbc,
            CustomerIdentities identities,
            Consents consents,
            ErasureRequests erasures,
            ConversationQueries conversations,
            MessageHistory messages,
            Statuses statuses,
            AgentActions agentActions,
            Dialogs dialogs,
            AttachmentQueries attachments,
            AccessExports exports,
            ObjectMapper mapper,
            Clock clock) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.consents = consents;
        this.erasures = erasures;
        this.conversations = conversations;
        this.messages = messages;
        this.statuses = statuses;
        this.agentActions = agentActions;
        this.dialogs = dialogs;
        this.attachments = attachments;
        this.exports = exports;
        // rows go into the zip's buffer; only a full buffer reaches the network
        this.mapper = mapper.copy()
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        this.clock = clock;
    }

    /** Writes the archive of {@code contact} to {@code response}; the export's record ends DONE or FAILED. */
    void write(UUID exportId, ContactQueries.Exported contact, OutputStream response) throws IOException {
        ExportTracker tracker = new ExportTracker(exportId, exports);
        boolean done = false;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(tracker.counting(response), 1 << 16))) {
            StreamingReads.inSnapshot(jdbc, snapshot -> {
                try {
                    List<AttachmentQueries.Exported> stored = writeData(exportId, contact, zip, tracker);
                    // media is compressed already: the fastest level keeps the CPU for the next attachment
                    zip.setLevel(Deflater.BEST_SPEED);
                    for (AttachmentQueries.Exported attachment : stored) {
                        writeAttachment(attachment, zip, tracker);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            zip.finish();
            done = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            exports.finished(exportId, tracker.counts(), done);
            AccessExports.Counts counts = tracker.counts();
            LOG.info(
                    "access request export {} of contact {} {}: {} rows, {} attachment bytes, {} archive bytes",
                    exportId,
                    contact.id(),
                    done ? "done" : "failed",
                    counts.rowsDone(),
                    counts.attachmentBytesDone(),
                    counts.archiveBytes());
        }
    }

    private List<AttachmentQueries.Exported> writeData(
            UUID exportId, ContactQueries.Exported contact, ZipOutputStream zip, ExportTracker tracker)
            throws IOException {
        long id = contact.id();
        List<AttachmentQueries.Exported> stored = new ArrayList<>();
        zip.putNextEntry(new ZipEntry(DATA_ENTRY));
        try (JsonGenerator json = mapper.getFactory().createGenerator(zip)) {
            json.writeStartObject();
            json.writeStringField("exportId", exportId.toString());
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeObjectField("contact", contact);
            json.writeObjectField("identity", identities.exported(id).orElse(null));
            tracker.row();
            array(json, "consentRecords", each -> consents.exportOf(id, each::accept), tracker::row);
            array(json, "erasureRequests", each -> erasures.exportOf(id, each::accept), tracker::row);
            array(json, "conversations", each -> conversations.exportOf(id, each::accept), tracker::row);
            array(json, "messages", each -> messages.exportOf(id, each::accept), tracker::message);
            array(json, "statuses", each -> statuses.exportStatusesOf(id, each::accept), tracker::row);
            array(json, "billingRecords", each -> statuses.exportBillingOf(id, each::accept), tracker::row);
            array(json, "agentActions", each -> agentActions.exportOf(id, each::accept), tracker::row);
            array(json, "dialogs", each -> dialogs.exportDialogsOf(id, each::accept), tracker::row);
            array(json, "dialogLogs", each -> dialogs.exportLogsOf(id, each::accept), tracker::row);
            json.writeArrayFieldStart("attachments");
            attachments.exportOf(id, attachment -> {
                write(json, () -> {
                    json.writeStartObject();
                    json.writeObjectField("metadata", attachment);
                    boolean hasBytes = "STORED".equals(attachment.state());
                    json.writeStringField("file", hasBytes ? entryName(attachment) : null);
                    json.writeEndObject();
                    if (hasBytes) {
                        stored.add(attachment);
                    }
                });
                tracker.row();
            });
            json.writeEndArray();
            json.writeEndObject();
        }
        zip.closeEntry();
        return stored;
    }

    private void writeAttachment(AttachmentQueries.Exported attachment, ZipOutputStream zip, ExportTracker tracker)
            throws IOException {
        zip.putNextEntry(new ZipEntry(entryName(attachment)));
        attachments.exportContent(attachment.id(), new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                tracker.attachmentBytes(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                zip.write(bytes, offset, length);
                tracker.attachmentBytes(length);
            }
        });
        zip.closeEntry();
    }

    /** The attachment's file in the archive: its id, and its name reduced to characters safe in any file system. */
    static String entryName(AttachmentQueries.Exported attachment) {
        String name = attachment.filename() == null
                ? ""
                : attachment.filename().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        name = name.length() > 100 ? name.substring(name.length() - 100) : name;
        return "attachments/" + attachment.id() + (name.isEmpty() ? "" : "-" + name);
    }

    private interface RowSource {
        void rows(Consumer<Object> each);
    }

    private interface JsonWrite {
        void run() throws IOException;
    }

    private static void array(JsonGenerator json, String name, RowSource source, Runnable counted) throws IOException {
        json.writeArrayFieldStart(name);
        source.rows(row -> {
            write(json, () -> json.writeObject(row));
            counted.run();
        });
        json.writeEndArray();
    }

    private static void write(JsonGenerator json, JsonWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
