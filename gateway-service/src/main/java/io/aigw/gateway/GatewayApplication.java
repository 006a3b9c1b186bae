package io.aigw.gateway;

import io.aigw.api.runtime.EventLoops;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        EventLoops.sizeToCores();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
