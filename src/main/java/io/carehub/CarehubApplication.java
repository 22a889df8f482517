package io.carehub;

import io.carehub.privacy.PrivacyCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;

// R47: the local token issuer is configured by io.carehub.access.LocalTokenIssuer, in the default profile only;
// Boot's would add a signing key and a JwtDecoder that replaced the identity provider's in every profile
@SpringBootApplication(
        exclude = {OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class
        })
@ConfigurationPropertiesScan
public class CarehubApplication {

    public static void main(String[] args) {
        if (PrivacyCli.handles(args)) { // privacy scan/export: no Spring, web server, broker or database
            System.exit(PrivacyCli.run(args, System.in, System.out));
        }
        SpringApplication.run(CarehubApplication.class, args);
    }
}
