package io.carehub;

import io.carehub.privacy.PrivacyCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CarehubApplication {

    public static void main(String[] args) {
        if (PrivacyCli.handles(args)) { // privacy scan/export: no Spring, web server, broker or database
            System.exit(PrivacyCli.run(args, System.in, System.out));
        }
        SpringApplication.run(CarehubApplication.class, args);
    }
}
