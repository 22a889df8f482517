package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carehub.HubTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** §4 Security: the embedded PostgreSQL of the default profile lets in only who knows its generated password. */
@HubTest
class EmbeddedPostgresPasswordTest {

    @Autowired
    EmbeddedPostgresServer postgres;

    @Value("${carehub.postgres.password}")
    String password;

    @Test
    void theWellKnownPasswordAndNoPasswordAreRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theGeneratedPasswordLetsOpsIn() throws Exception {
        assertThat(password).isNotEqualTo("postgres").startsWith("dev-");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
