package io.aigw.scaler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ScalerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScalerApplication.class, args);
    }
}
