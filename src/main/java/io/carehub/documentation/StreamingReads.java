package io.carehub.documentation;

import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R28/R50: how the exports read large result sets. PostgreSQL's driver loads a whole result set into the heap unless
 * the statement has a fetch size and runs inside a transaction; then it fetches {@link #FETCH_SIZE} rows per round
 * trip. The transaction is read-only and repeatable-read, so an export is one consistent snapshot; a read inside an
 * export that already runs in one joins it.
 */
public final class StreamingReads {

    /** Rows per round trip: large enough to keep round trips rare, small enough to bound the heap per read. */
    public static final int FETCH_SIZE = 500;

    private StreamingReads() {}

    /** A template on {@code jdbc}'s data source whose queries fetch {@link #FETCH_SIZE} rows at a time. */
    public static NamedParameterJdbcTemplate of(NamedParameterJdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource(jdbc));
        streaming.setFetchSize(FETCH_SIZE);
        return new NamedParameterJdbcTemplate(streaming);
    }

    /** Runs {@code reads} in a read-only, repeatable-read transaction on {@code jdbc}'s data source (or joins one). */
    public static void inSnapshot(NamedParameterJdbcTemplate jdbc, Consumer<NamedParameterJdbcTemplate> reads) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource(jdbc)));
        tx.setReadOnly(true);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.executeWithoutResult(status -> reads.accept(of(jdbc)));
    }

    private static DataSource dataSource(NamedParameterJdbcTemplate jdbc) {
        DataSource dataSource = jdbc.getJdbcTemplate().getDataSource();
        if (dataSource == null) {
            throw new IllegalStateException("the template has no data source");
        }
        return dataSource;
    }
}
