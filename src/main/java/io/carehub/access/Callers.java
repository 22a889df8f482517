package io.carehub.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** R47: the {@link Caller} of the current request, from its verified JWT; never from a request header. */
@Component
public class Callers {

    private final AccessProperties properties;

    Callers(AccessProperties properties) {
        this.properties = properties;
    }

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no verified access token in this request");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : token.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        List<String> pools = token.getToken().getClaimAsStringList(properties.poolsClaim());
        if (pools == null) {
            pools = properties.agents().getOrDefault(token.getName(), List.of());
        }
        return new Caller(token.getName(), roles, Set.copyOf(pools));
    }
}
