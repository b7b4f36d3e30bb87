package io.cameliotf.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application of two routes ({@link SensorRoutes}); the {@code iotf:} component is configured by
 * {@code application.properties} alone, through camel-iotf-starter.
 */
@SpringBootApplication
public class SensorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SensorApplication.class, args);
    }
}
