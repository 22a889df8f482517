package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R6/R19: no class on a media file's way (Graph API → storage → download API) reads the file whole: each step
 * streams (their buffering is bounded by {@code AttachmentChunksTest} and {@code VerifiedMediaTest}). A call that
 * collects a stream into one array here would put up to carehub.media.max-bytes on the heap per download.
 */
class MediaPathStreamsTest {

    private static final List<String> MEDIA_PATH = List.of(
            "whatsapp/MediaDownloader.java",
            "whatsapp/VerifiedMedia.java",
            "documentation/Attachments.java",
            "documentation/AttachmentQueries.java",
            "documentation/AttachmentChunks.java",
            "documentation/AttachmentDownloads.java",
            "documentation/AttachmentPlaintextMigration.java",
            "documentation/ConversationHistoryController.java");

    private static final List<String> WHOLE_FILE_READS = List.of(
            "readAllBytes(",
            "toByteArray(",
            "ByteArrayOutputStream",
            "BodyHandlers.ofByteArray",
            "BodyHandlers.ofString",
            "BodyHandlers.ofFile",
            "ResponseEntity<byte[]>");

    @Test
    void noClassOnTheMediaPathReadsAFileWhole() throws Exception {
        for (String file : MEDIA_PATH) {
            String source = Files.readString(Path.of("src/main/java/io/carehub", file));
            for (String read : WHOLE_FILE_READS) {
                assertThat(source).as(file).doesNotContain(read);
            }
        }
    }
}
