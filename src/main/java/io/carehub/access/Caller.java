package io.carehub.access;

import java.util.Set;

/**
 * R47: who calls the API, as the verified access token says: the user's id ({@code sub} or
 * {@code carehub.security.agent-id-claim}), the roles, and for agents the pools they serve ({@code *} = every pool).
 */
public record Caller(String id, Set<Role> roles, Set<String> pools) {

    public Caller {
        roles = Set.copyOf(roles);
        pools = Set.copyOf(pools);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** R47: an agent sees and claims only conversations of their own pools. */
    public boolean servesPool(String pool) {
        return pool != null && (pools.contains("*") || pools.contains(pool));
    }

    /** The role the access log names for an action taken with these roles (the first one that allows it). */
    public Role firstOf(Role... allowed) {
        for (Role role : allowed) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("caller has none of the roles " + Set.of(allowed));
    }
}
