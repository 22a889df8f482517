package io.carehub.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R30/R46: runs a retention job once per {@code carehub.retention.purge-interval} on exactly one hub instance. The
 * instance that gets the PostgreSQL advisory lock (as the overflow sweep does) runs the job when its last completed
 * run is older than the interval; the lock is held on its own connection for the whole run, so the job's batches can
 * commit one by one. Owner of the table {@code retention_run}.
 */
@Component
class OncePerInterval {

    /** Advisory lock key of the retention jobs (any constant unique among carehub's jobs). */
    private static final long LOCK_KEY = 0x6361726568756202L;

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;

    OncePerInterval(
            DataSource dataSource, NamedParameterJdbcTemplate jdbc, Clock clock, RetentionProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = properties.purgeInterval();
    }

    /** Runs {@code job} if it is due and no other instance runs a retention job; returns whether it ran. */
    boolean runIfDue(String job, Runnable work) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                return false; // another instance is running a retention job
            }
            try {
                if (!due(job)) {
                    return false;
                }
                work.run();
                finished(job);
                return true;
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("retention job " + job + ": advisory lock failed", e);
        }
    }

    private boolean due(String job) {
        List<Timestamp> last = jdbc.queryForList(
                "select finished_at from retention_run where job = :job",
                new MapSqlParameterSource("job", job),
                Timestamp.class);
        Instant now = clock.instant();
        return last.isEmpty() || !last.get(0).toInstant().plus(interval).isAfter(now);
    }

    private void finished(String job) {
        jdbc.update("""
                insert into retention_run (job, finished_at) values (:job, :now)
                on conflict (job) do update set finished_at = excluded.finished_at""", new MapSqlParameterSource("job", job).addValue("now", Timestamp.from(clock.instant())));
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
