package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.documentation.ContactQueries.Exported;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Maps {@link ContactQueries}' result rows to its records (the owner holds the SQL). */
final class ContactRows {

    private ContactRows() {}

    /**
     * R50: the columns {@code ContactQueries.exported} selects. R19: decrypted with the contact's key; an erased contact's
     * (null {@code cipher}) values read as null.
     */
    static Exported exported(ResultSet rs, ContactCipher cipher) throws SQLException {
        String phone = open(cipher, rs.getBytes(3), Contacts.PHONE_NUMBER);
        return new Exported(
                rs.getLong(1),
                rs.getBoolean(2) ? phone : null,
                phone,
                open(cipher, rs.getBytes(4), Contacts.USER_ID),
                open(cipher, rs.getBytes(5), Contacts.PARENT_USER_ID),
                open(cipher, rs.getBytes(6), Contacts.USERNAME),
                open(cipher, rs.getBytes(7), Contacts.PROFILE_NAME),
                exportInstant(rs.getTimestamp(8)),
                exportInstant(rs.getTimestamp(9)),
                exportInstant(rs.getTimestamp(10)));
    }

    private static String open(ContactCipher cipher, byte[] value, String associated) {
        return ConversationQueries.open(cipher, value, associated);
    }

    private static Instant exportInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
