package io.carehub.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every column of every table of the hub's database that holds a value in clear (as text or as UTF-8 bytes). */
final class ClearTextScan {

    private ClearTextScan() {}

    /** The "table.column"s in which {@code value} appears in clear. */
    static List<String> columnsHolding(JdbcTemplate jdbc, String value) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = 'public' and data_type in ('text', 'bytea', 'jsonb', 'ARRAY', 'character varying')
                 order by table_name, column_name""")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
                    : "position(? in cast(\"" + name + "\" as text)) > 0";
            Long rows =
                    jdbc.queryForObject("select count(*) from \"" + table + "\" where " + condition, Long.class, value);
            if (rows != null && rows > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }
}
