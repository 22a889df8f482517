package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R10: once an update leaves the durable buffer, its documentation is the only copy, so the embedded
 * PostgreSQL of the default profile flushes every commit like a production server (the embedded library
 * starts it with fsync and synchronous_commit off, as for throwaway test databases).
 */
@HubTest
class EmbeddedPostgresDurabilityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void embeddedDatabaseFlushesEveryCommitToDisk() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
    }
}
