package io.carehub.documentation;

import com.zaxxer.hikari.HikariDataSource;
import io.carehub.ops.HubProperties;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Default profile (R43): embedded PostgreSQL under {@code carehub.data-dir}; prod uses spring.datasource.*. */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
class EmbeddedDatabaseConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedPostgresServer embeddedPostgres(HubProperties hub, PostgresProperties postgres) {
        return new EmbeddedPostgresServer(Path.of(hub.dataDir(), "postgres"), postgres.port(), postgres.password());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgresServer postgres, PostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPassword(properties.password());
        return dataSource;
    }
}
