package io.carehub.documentation;

import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import io.carehub.crypto.EncryptingMigration;
import io.carehub.crypto.MigrationKeys;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R19 upgrade, Flyway migration 46: encrypts the attachment bytes that older versions kept in clear
 * ({@code attachment.content}) into {@link AttachmentChunks} with each contact's key, and empties the column, which
 * migration 47 then drops (it refuses while any clear bytes are left). Each value is read in slices of
 * {@link #SLICE_BYTES} ({@code substring} in SQL), so a 100 MB attachment is never read whole.
 */
@Component
class AttachmentPlaintextMigration extends EncryptingMigration {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentPlaintextMigration.class);
    static final int SLICE_BYTES = 1024 * 1024;
    private static final int PAGE = 100;

    private final CryptoProperties crypto;
    private final Clock clock;

    AttachmentPlaintextMigration(CryptoProperties crypto, Clock clock) {
        super("46", "encrypt attachment content");
        this.crypto = crypto;
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) throws Exception {
        NamedParameterJdbcTemplate jdbc = jdbcOf(context);
        ContactKeys keys = MigrationKeys.over(context.getConnection(), crypto, clock);
        AttachmentChunks chunks = new AttachmentChunks(jdbc);
        record Clear(long id, long contactId) {}
        long after = 0;
        int encrypted = 0;
        while (true) {
            List<Clear> page = jdbc.query(
                    """
                    select a.id, c.contact_id from attachment a
                      join message m on m.id = a.message_id join conversation c on c.id = m.conversation_id
                     where a.content is not null and a.id > :after order by a.id limit :page""",
                    new MapSqlParameterSource("after", after).addValue("page", PAGE),
                    (rs, i) -> new Clear(rs.getLong(1), rs.getLong(2)));
            if (page.isEmpty()) {
                break;
            }
            for (Clear clear : page) {
                try (InputStream content = new Slices(jdbc, clear.id())) {
                    chunks.write(clear.id(), keys.forContact(clear.contactId()), content);
                }
                jdbc.update("""
                        update attachment set size_bytes = coalesce(size_bytes, length(content)), content = null
                         where id = :id""", new MapSqlParameterSource("id", clear.id()));
                after = clear.id();
                encrypted++;
            }
        }
        LOG.info("migration 46: {} stored attachments encrypted", encrypted);
    }

    /** One clear value, read slice by slice. */
    private static final class Slices extends InputStream {

        private final NamedParameterJdbcTemplate jdbc;
        private final long id;
        private byte[] slice = new byte[0];
        private int position;
        private int next = 1; // SQL substring counts from 1 (a bytea holds at most 1 GB)

        Slices(NamedParameterJdbcTemplate jdbc, long id) {
            this.jdbc = jdbc;
            this.id = id;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == slice.length) {
                slice = jdbc.queryForObject(
                        "select substring(content from :from for :length) from attachment where id = :id",
                        new MapSqlParameterSource("from", next)
                                .addValue("length", SLICE_BYTES)
                                .addValue("id", id),
                        byte[].class);
                position = 0;
                next += slice.length;
                if (slice.length == 0) {
                    return -1;
                }
            }
            int n = Math.min(length, slice.length - position);
            System.arraycopy(slice, position, bytes, offset, n);
            position += n;
            return n;
        }
    }
}
