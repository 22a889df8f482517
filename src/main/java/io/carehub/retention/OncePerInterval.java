package io.carehub.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R30: runs a retention job once per {@code carehub.retention.purge-interval}: when its last completed run is older
 * than the interval. The route checks more often ({@code carehub.retention.purge-check}) and runs on one hub instance
 * at a time (R46: route policy oneInstance), so the run table decides only whether a run is due. Owner of the table
 * {@code retention_run}.
 */
@Component
class OncePerInterval {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;

    OncePerInterval(NamedParameterJdbcTemplate jdbc, Clock clock, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = properties.purgeInterval();
    }

    /** Runs {@code job} if it is due; returns whether it ran. */
    boolean runIfDue(String job, Runnable work) {
        if (!due(job)) {
            return false;
        }
        work.run();
        finished(job);
        return true;
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
}
