package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.documentation.AttachmentQueries.Download;
import io.carehub.documentation.AttachmentQueries.Exported;
import io.carehub.documentation.AttachmentQueries.Listed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Maps {@link AttachmentQueries}' result rows to its records (the owner holds the SQL); R19: the file name opens with the
 * contact's key, null when the key is gone (erased).
 */
final class AttachmentRows {

    private AttachmentRows() {}

    /** R18: id, message_id, media_id, mime_type, filename, size_bytes, state. */
    static Listed listed(ResultSet rs, ContactCipher cipher) throws SQLException {
        return new Listed(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                ConversationQueries.open(cipher, rs.getBytes(5), Attachments.FILENAME),
                (Long) rs.getObject(6),
                rs.getString(7));
    }

    /** R50: the attachment's columns as {@code AttachmentQueries.exportOf} selects them. */
    static Exported exported(ResultSet rs, ContactCipher cipher) throws SQLException {
        Timestamp stored = rs.getTimestamp(12);
        return new Exported(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                ConversationQueries.open(cipher, rs.getBytes(5), Attachments.FILENAME),
                rs.getString(6),
                (Long) rs.getObject(7),
                rs.getString(8),
                rs.getInt(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                stored == null ? null : stored.toInstant());
    }

    /** R45: the download's columns as {@code AttachmentQueries.downloads} selects them. */
    static Download download(ResultSet rs, int row) throws SQLException {
        return new Download(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
    }
}
