package io.carehub.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R46: the PostgreSQL advisory locks that make a scheduled job run on one hub instance. An instance that gets a job's
 * lock keeps it on one connection of its own for as long as that connection lives, and runs the job; the others skip
 * it. PostgreSQL releases the locks the moment the session ends (instance stopped, killed or cut off), and another
 * instance takes them at its next attempt. Owner of the table {@code job_runner}, which shows who runs what.
 */
@Component
class JobLocks {

    private static final Logger LOG = LoggerFactory.getLogger(JobLocks.class);
    /** First key of every job lock ("care"); the second is the hash of the job's route id. */
    private static final int NAMESPACE = 0x63617265;

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final String instance = instanceName();
    private final Set<String> held = new HashSet<>();
    private Connection session;

    JobLocks(DataSource dataSource, NamedParameterJdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** This instance's name in {@code job_runner}: host name and process id. */
    String instance() {
        return instance;
    }

    /** True if this instance runs {@code job}: it holds the job's lock, or takes it now because nobody holds it. */
    synchronized boolean runs(String job) {
        try {
            if (session != null && !session.isValid(5)) {
                lost("connection no longer valid");
            }
            if (held.contains(job)) {
                return true;
            }
            if (session == null) {
                session = dataSource.getConnection();
                session.setAutoCommit(true);
            }
            if (!tryLock(job)) {
                return false;
            }
            held.add(job);
        } catch (SQLException e) {
            lost(e.getClass().getSimpleName());
            return false;
        }
        LOG.info("this instance ({}) runs the job {} from now on", instance, job);
        try {
            jdbc.update("""
                    insert into job_runner (job, instance, claimed_at, runs) values (:job, :instance, now(), 0)
                    on conflict (job, instance) do update set claimed_at = now(), runs = 0, last_run_at = null""", params(job));
        } catch (DataAccessException e) {
            LOG.warn(
                    "job {}: taking it over not recorded ({})",
                    job,
                    e.getClass().getSimpleName());
        }
        return true;
    }

    /** Counts a run of a job this instance holds (operations read it in {@code job_runner}). */
    void ran(String job) {
        try {
            jdbc.update("""
                    update job_runner set runs = runs + 1, last_run_at = now()
                     where job = :job and instance = :instance""", params(job));
        } catch (DataAccessException e) {
            LOG.debug("job {}: run not recorded ({})", job, e.getClass().getSimpleName());
        }
    }

    /** Gives the job up (its route stopped): another instance may take it. */
    synchronized void release(String job) {
        if (!held.remove(job) || session == null) {
            return;
        }
        try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, NAMESPACE);
            unlock.setInt(2, job.hashCode());
            unlock.execute();
        } catch (SQLException e) {
            lost(e.getClass().getSimpleName());
        }
    }

    /** Ends the lock session: every job this instance ran is free for the others at once. */
    synchronized void close() {
        if (session != null) {
            LOG.info("this instance ({}) gives up its jobs {}", instance, held);
            lost(null);
        }
    }

    private boolean tryLock(String job) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, NAMESPACE);
            lock.setInt(2, job.hashCode());
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** The session is gone or closed: its locks with it (PostgreSQL releases them when the session ends). */
    private void lost(String reason) {
        if (reason != null && !held.isEmpty()) {
            LOG.warn("this instance ({}) lost its job locks {} ({})", instance, held, reason);
        }
        held.clear();
        if (session == null) {
            return;
        }
        // the connection goes back to the pool: its session must not keep the locks (a broken one is evicted there)
        try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException broken) {
            LOG.debug(
                    "job locks: unlock on a broken connection ({})",
                    broken.getClass().getSimpleName());
        }
        try {
            session.close();
        } catch (SQLException ignored) {
            // the connection is broken already; closing it is all that is left
        }
        session = null;
    }

    private MapSqlParameterSource params(String job) {
        return new MapSqlParameterSource("job", job).addValue("instance", instance);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
