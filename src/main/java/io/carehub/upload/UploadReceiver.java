package io.carehub.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.documentation.Attachments;
import io.carehub.documentation.Messages;
import io.carehub.pages.OneTimeToken;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R16: takes one upload through its link, all in one transaction: the link's row is locked (a second upload with the
 * same link waits, then finds it used), the type is recognized from the file's first bytes, the file streams
 * encrypted with the contact's key into the attachment chunks of a new inbound message of the conversation, and the
 * link is spent. Any refusal or failure rolls all of it back: nothing changes. The confirmation goes to the chat
 * after the commit.
 */
@Component
class UploadReceiver {

    /** How an upload ended; everything but {@code STORED} changed nothing. */
    enum Outcome {
        STORED,
        UNKNOWN,
        EXPIRED,
        USED,
        WRONG_TYPE,
        TOO_LARGE
    }

    private static final Logger LOG = LoggerFactory.getLogger(UploadReceiver.class);

    private final UploadLinks links;
    private final Messages messages;
    private final Attachments attachments;
    private final OutboundMessages outbound;
    private final TransactionTemplate tx;
    private final UploadProperties properties;
    private final UploadTexts texts;
    private final ObjectMapper mapper;
    private final Clock clock;

    UploadReceiver(
            UploadLinks links,
            Messages messages,
            Attachments attachments,
            OutboundMessages outbound,
            TransactionTemplate tx,
            UploadProperties properties,
            UploadTexts texts,
            ObjectMapper mapper,
            Clock clock) {
        this.links = links;
        this.messages = messages;
        this.attachments = attachments;
        this.outbound = outbound;
        this.tx = tx;
        this.properties = properties;
        this.texts = texts;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What the link allows now (the page before the upload); reads only. */
    UploadLinks.State state(String token) {
        if (!OneTimeToken.wellFormed(token)) {
            return UploadLinks.State.UNKNOWN;
        }
        return links.find(OneTimeToken.hash(token))
                .map(link -> link.state(clock.instant()))
                .orElse(UploadLinks.State.UNKNOWN);
    }

    /** Stores {@code file} through the link named by {@code token}, or refuses it changing nothing. */
    Outcome receive(String token, InputStream file) throws IOException {
        if (!OneTimeToken.wellFormed(token)) {
            return Outcome.UNKNOWN;
        }
        byte[] hash = OneTimeToken.hash(token);
        Instant now = clock.instant();
        Stored stored;
        try {
            stored = tx.execute(status -> {
                try {
                    Stored result = store(hash, file, now);
                    if (result.outcome() != Outcome.STORED) {
                        status.setRollbackOnly();
                    }
                    return result;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof TooLargeException) {
                LOG.info("upload refused: larger than {}", properties.maxSize());
                return Outcome.TOO_LARGE;
            }
            throw e.getCause();
        }
        if (stored.outcome() != Outcome.STORED) {
            LOG.info("upload refused: {}", stored.outcome());
            return stored.outcome();
        }
        LOG.info("upload stored as message {} in conversation {}", stored.messageId(), stored.conversationId());
        outbound.sendIfAllowed(stored.conversationId(), OutboundContent.text(texts.received()), "system");
        return Outcome.STORED;
    }

    private record Stored(Outcome outcome, long conversationId, long messageId) {
        static Stored refused(Outcome outcome) {
            return new Stored(outcome, 0, 0);
        }
    }

    private Stored store(byte[] hash, InputStream file, Instant now) throws IOException {
        Optional<UploadLinks.Link> found = links.lock(hash);
        if (found.isEmpty()) {
            return Stored.refused(Outcome.UNKNOWN);
        }
        UploadLinks.Link link = found.get();
        switch (link.state(now)) {
            case USED -> {
                return Stored.refused(Outcome.USED);
            }
            case EXPIRED -> {
                return Stored.refused(Outcome.EXPIRED);
            }
            default -> {}
        }
        PushbackInputStream in = new PushbackInputStream(file, FileSignature.HEAD_BYTES);
        byte[] head = new byte[FileSignature.HEAD_BYTES];
        int length = in.readNBytes(head, 0, head.length);
        Optional<FileSignature> type = FileSignature.of(head, length);
        if (type.isEmpty()) {
            return Stored.refused(Outcome.WRONG_TYPE);
        }
        in.unread(head, 0, length);
        String filename = "upload-" + link.id() + "." + type.get().extension();
        long messageId = messages.insertUpload(
                link.conversationId(),
                type.get().messageType(),
                mapper.createObjectNode()
                        .put("source", "secure-upload")
                        .put("mime_type", type.get().mimeType())
                        .put("filename", filename)
                        .toString(),
                now);
        long attachmentId = attachments.insertUpload(
                messageId, "upload:" + link.id(), type.get().mimeType(), filename);
        attachments.store(
                attachmentId,
                type.get().mimeType(),
                new Limited(in, properties.maxSize().toBytes()),
                () -> {});
        if (!links.use(link.id(), messageId, now)) {
            throw new IllegalStateException("upload link " + link.id() + " was spent while its row was locked");
        }
        return new Stored(Outcome.STORED, link.conversationId(), messageId);
    }

    /** The file is larger than {@code carehub.upload.max-size}. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("the upload is larger than allowed");
        }
    }

    /** Ends the read with {@link TooLargeException} as soon as more than {@code max} bytes came. */
    private static final class Limited extends FilterInputStream {

        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            count += n;
            if (count > max) {
                throw new TooLargeException();
            }
        }
    }
}
