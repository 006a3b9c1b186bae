package io.aigw.billing;

import io.aigw.api.runtime.EventLoops;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    public static void main(String[] args) {
        EventLoops.sizeToCores();
        SpringApplication.run(BillingApplication.class, args);
    }
}
