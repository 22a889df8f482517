package io.carehub.access;

/** R47: the roles a token carries in its roles claim ({@code carehub.security.roles-claim}), by their claim value. */
public enum Role {
    /** Works conversations of their own pools: list, claim, reply, template, transfer, close. */
    AGENT("agent"),
    /** Oversees the pools: lists any pool, reads histories, reassigns conversations. */
    SUPERVISOR("supervisor"),
    /** Runs the hub: actuator (health details, metrics, SBOM), the privacy analyzer, the ops API (/api/ops/**). */
    OPS("ops"),
    /** Answers data-subject requests: customer lookups, histories, exports, the access log. */
    PRIVACY_OFFICER("privacy-officer"),
    /** Machine clients (client credentials): anonymized export and the privacy analyzer. */
    INTEGRATOR("integrator");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value in the token's roles claim, e.g. {@code privacy-officer}. */
    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority the claim value maps to. */
    String authority() {
        return "ROLE_" + claimValue;
    }
}
