package io.aigw.cache;

import io.aigw.api.runtime.EventLoops;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CacheApplication {

    public static void main(String[] args) {
        EventLoops.sizeToCores();
        SpringApplication.run(CacheApplication.class, args);
    }
}
