package io.carehub.documentation;

import io.carehub.documentation.MessageQueries.Traced;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Maps {@link MessageQueries}' result rows to its records (the owner holds the SQL). */
final class MessageRows {

    private MessageRows() {}

    /** R45: a row of {@code MessageQueries.TRACED}'s columns. */
    static Traced traced(ResultSet rs, int row) throws SQLException {
        return new Traced(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                instantOrNull(rs.getTimestamp(7)),
                instantOrNull(rs.getTimestamp(8)),
                rs.getString(9),
                instantOrNull(rs.getTimestamp(10)),
                (Integer) rs.getObject(11),
                rs.getInt(12));
    }

    static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
