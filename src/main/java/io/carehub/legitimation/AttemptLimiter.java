package io.carehub.legitimation;

import io.carehub.crypto.LookupHash;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R15: link-page requests are limited per contact and per client address, each to a number per fixed window (the
 * window starts with a key's first request). Owner of the table {@code page_attempt}: the windows are counted in
 * PostgreSQL, so every hub instance draws on the same ones; a key is stored as its keyed hash, and a window's row
 * goes once it has ended.
 */
@Component
class AttemptLimiter {

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final LegitimationProperties.Attempts limits;

    AttemptLimiter(NamedParameterJdbcTemplate jdbc, LookupHash lookupHash, LegitimationProperties properties) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.limits = properties.attempts();
    }

    /** Counts a request from {@code address}; false once the address has used up its window. */
    boolean allowAddress(String address) {
        return count("a:" + address) <= limits.perAddress();
    }

    /** Counts a request for a link of {@code contactId}; false once the contact has used up its window. */
    boolean allowContact(long contactId) {
        return count("c:" + contactId) <= limits.perContact();
    }

    /** Counts one request of the key in its window, a new window once the last one ended; returns the count. */
    private int count(String key) {
        MapSqlParameterSource params = new MapSqlParameterSource("key", lookupHash.of(key))
                .addValue("window", limits.window().toMillis() / 1000.0);
        Integer requests = jdbc.queryForObject("""
                insert into page_attempt as p (key_hash, window_started_at, requests) values (:key, now(), 1)
                on conflict (key_hash) do update
                   set window_started_at = case when p.window_started_at <= now() - make_interval(secs => :window)
                                                then now() else p.window_started_at end,
                       requests = case when p.window_started_at <= now() - make_interval(secs => :window)
                                       then 1 else p.requests + 1 end
                returning requests""", params, Integer.class);
        jdbc.update(
                "delete from page_attempt where window_started_at <= now() - make_interval(secs => :window)", params);
        return requests == null ? 0 : requests;
    }
}
