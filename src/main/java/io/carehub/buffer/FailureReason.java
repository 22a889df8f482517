package io.carehub.buffer;

import java.sql.SQLException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * R45: why a message was parked, without its content: exception messages can quote it (PostgreSQL's "Failing row
 * contains (...)"), so only class names and, for a database refusal, the SQLState and the schema objects it names
 * (constraint, table, column) are kept.
 *
 * @param exception the failure's class, Camel's wrappers skipped
 * @param detail    content-free detail: the root cause's class, or the database's SQLState and schema objects
 */
public record FailureReason(String exception, String detail) {

    /** The longest detail kept in a broker header. */
    private static final int MAX_DETAIL = 200;

    static FailureReason of(Throwable failure) {
        if (failure == null) {
            return new FailureReason("rollback-only", "the route marked the exchange rollback-only");
        }
        Throwable top = failure;
        while ((top instanceof RuntimeCamelException || top instanceof CamelExecutionException)
                && top.getCause() != null) {
            top = top.getCause();
        }
        return new FailureReason(top.getClass().getName(), detail(top));
    }

    private static String detail(Throwable top) {
        Throwable root = top;
        for (Throwable t = top; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException database) {
                return truncate(database(database));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return truncate(
                        "SQLState " + sql.getSQLState() + " (" + t.getClass().getSimpleName() + ")");
            }
            root = t;
        }
        return root == top
                ? top.getClass().getSimpleName()
                : "caused by " + root.getClass().getName();
    }

    /** SQLState and the schema objects the server names: identifiers of the schema, never values. */
    private static String database(PSQLException e) {
        StringBuilder detail = new StringBuilder("SQLState ").append(e.getSQLState());
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server != null) {
            append(detail, "constraint", server.getConstraint());
            append(detail, "table", server.getTable());
            append(detail, "column", server.getColumn());
        }
        return detail.toString();
    }

    private static void append(StringBuilder detail, String name, String identifier) {
        if (identifier != null && identifier.matches("[A-Za-z0-9_.$]{1,63}")) {
            detail.append(", ").append(name).append(' ').append(identifier);
        }
    }

    private static String truncate(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
