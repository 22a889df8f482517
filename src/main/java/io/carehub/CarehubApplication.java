package io.carehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CarehubApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarehubApplication.class, args);
    }
}
