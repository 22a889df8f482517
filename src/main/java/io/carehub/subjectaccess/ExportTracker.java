package io.carehub.subjectaccess;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * R50: counts what an export has written — rows, messages, attachment bytes and the archive's own bytes — and
 * records the progress every {@link #ROWS_PER_UPDATE} rows or {@link #BYTES_PER_UPDATE} attachment bytes.
 */
final class ExportTracker {

    static final int ROWS_PER_UPDATE = 500;
    static final long BYTES_PER_UPDATE = 1 << 20;

    private final UUID exportId;
    private final AccessExports exports;
    private long messages;
    private long rows;
    private long attachmentBytes;
    private long archiveBytes;
    private long rowsAtUpdate;
    private long bytesAtUpdate;

    ExportTracker(UUID exportId, AccessExports exports) {
        this.exportId = exportId;
        this.exports = exports;
    }

    /** The response, counted. */
    OutputStream counting(OutputStream response) {
        return new FilterOutputStream(response) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                archiveBytes++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                archiveBytes += length;
            }
        };
    }

    void row() {
        rows++;
        if (rows - rowsAtUpdate >= ROWS_PER_UPDATE) {
            update();
        }
    }

    void message() {
        messages++;
        row();
    }

    void attachmentBytes(int count) {
        attachmentBytes += count;
        if (attachmentBytes - bytesAtUpdate >= BYTES_PER_UPDATE) {
            update();
        }
    }

    AccessExports.Counts counts() {
        return new AccessExports.Counts(messages, rows, attachmentBytes, archiveBytes);
    }

    private void update() {
        rowsAtUpdate = rows;
        bytesAtUpdate = attachmentBytes;
        exports.progress(exportId, counts());
    }
}
