package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.documentation.ConversationQueries.Archived;
import io.carehub.documentation.ConversationQueries.Exported;
import io.carehub.documentation.ConversationQueries.InPool;
import io.carehub.documentation.ConversationQueries.Queued;
import io.carehub.documentation.ConversationQueries.Routing;
import io.carehub.documentation.ConversationQueries.Summary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link ConversationQueries}' result rows to its records (the owner holds the SQL). R19: {@code cipher} is the
 * contact's; a null cipher (key gone, erased) reads its values as null.
 */
final class ConversationRows {

    private ConversationRows() {}

    /** R20-R23: the columns {@code ConversationQueries.routing} selects; contact values open with its key. */
    static Routing routing(ResultSet rs, ContactCipher cipher) throws SQLException {
        String username = open(cipher, rs.getBytes(7), Contacts.USERNAME);
        String profileName = open(cipher, rs.getBytes(6), Contacts.PROFILE_NAME);
        return new Routing(
                rs.getLong(1),
                rs.getLong(2),
                rs.getBoolean(3) ? open(cipher, rs.getBytes(4), Contacts.PHONE_NUMBER) : null,
                open(cipher, rs.getBytes(5), Contacts.USER_ID),
                profileName != null ? profileName : username,
                username,
                ConversationStatus.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                instant(rs.getTimestamp(12)));
    }

    /** R22: the columns {@code ConversationQueries.inPool} selects. */
    static InPool inPool(ResultSet rs, ContactCipher cipher) throws SQLException {
        return new InPool(
                rs.getLong(1),
                rs.getString(2),
                ConversationStatus.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                instant(rs.getTimestamp(7)),
                rs.getString(8),
                rs.getString(9),
                firstOf(
                        open(cipher, rs.getBytes(10), CustomerIdentities.NAME),
                        open(cipher, rs.getBytes(11), Contacts.PROFILE_NAME),
                        open(cipher, rs.getBytes(12), Contacts.USERNAME)),
                rs.getBoolean(13) ? open(cipher, rs.getBytes(14), Contacts.PHONE_NUMBER) : null,
                open(cipher, rs.getBytes(15), Contacts.USER_ID));
    }

    /** R18: the columns {@code ConversationQueries.ofCustomer} selects. */
    static Summary summary(ResultSet rs, ContactCipher cipher) throws SQLException {
        return new Summary(
                rs.getLong(1),
                rs.getBoolean(2) ? open(cipher, rs.getBytes(3), Contacts.PHONE_NUMBER) : null,
                open(cipher, rs.getBytes(4), Contacts.USER_ID),
                firstOf(
                        open(cipher, rs.getBytes(5), Contacts.PROFILE_NAME),
                        open(cipher, rs.getBytes(6), Contacts.USERNAME)),
                rs.getString(7),
                rs.getString(8),
                instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                rs.getLong(12));
    }

    /** R21: the columns {@code ConversationQueries.queued} selects. */
    static Queued queued(ResultSet rs, ContactCipher cipher) throws SQLException {
        return new Queued(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                instant(rs.getTimestamp(7)),
                open(cipher, rs.getBytes(8), Conversations.BOT_SUMMARY));
    }

    /** R50: the columns {@code ConversationQueries.exportOf} selects. */
    static Exported exported(ResultSet rs, ContactCipher cipher) throws SQLException {
        return new Exported(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                (Integer) rs.getObject(13),
                rs.getString(14),
                instant(rs.getTimestamp(15)),
                rs.getString(16),
                instant(rs.getTimestamp(17)),
                rs.getBoolean(18),
                rs.getString(19),
                open(cipher, rs.getBytes(20), Conversations.BOT_SUMMARY),
                rs.getString(21),
                instant(rs.getTimestamp(22)),
                rs.getString(23),
                instant(rs.getTimestamp(24)));
    }

    /** R31: id, contact_id, archive_class, contract_relevant_at, contract_relevant_by, archived_until, status. */
    static Archived archived(ResultSet rs, int row) throws SQLException {
        return new Archived(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7));
    }

    private static String open(ContactCipher cipher, byte[] value, String associated) {
        return ConversationQueries.open(cipher, value, associated);
    }

    static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
