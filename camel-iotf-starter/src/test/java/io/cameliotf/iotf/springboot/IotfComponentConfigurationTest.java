package io.cameliotf.iotf.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The starter's properties stay in step with the component's options. */
class IotfComponentConfigurationTest {

    static final Path SOURCE = Path.of("src", "main", "java", "io", "cameliotf", "iotf", "springboot",
            ConfigurationSource.CLASS + ".java");
    static final Path DEFAULTS = Path.of("src", "main", "resources", "META-INF",
            "additional-spring-configuration-metadata.json");

    @Test
    void theConfigurationClassIsRenderedFromTheComponentMetadata() throws Exception {
        assertRendered(SOURCE, ConfigurationSource.render());
        assertRendered(DEFAULTS, ConfigurationSource.renderDefaults());
    }

    private static void assertRendered(Path file, String expected) throws Exception {
        if (Boolean.getBoolean("iotf.starter.update")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is out of date with the component's options (iotf.json): run mvn -pl camel-iotf-starter test "
                        + "-Dtest=IotfComponentConfigurationTest -Diotf.starter.update=true", file)
                .isEqualTo(expected);
    }

    @Test
    void everyOptionHasItsHelpAndDefaultInTheSpringMetadata() throws Exception {
        Map<String, JsonNode> metadata = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json in the starter").isNotNull();
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                metadata.put(p.get("name").asText(), p);
            }
        }
        for (Map.Entry<String, JsonNode> option : ConfigurationSource.options()) {
            String key = "camel.component.iotf." + ConfigurationSource.kebab(option.getKey());
            assertThat(metadata).as("the Spring metadata has %s", key).containsKey(key);
            JsonNode p = metadata.get(key);
            assertThat(p.path("description").asText()).as("the description of %s", key).isNotBlank();
            if (option.getValue().has("defaultValue")) {
                assertThat(p.has("defaultValue")).as("%s has its default, %s", key,
                        option.getValue().get("defaultValue")).isTrue();
            }
        }
        for (String key : new String[] {"camel.component.iotf.enabled", "camel.component.iotf.customizer.enabled"}) {
            assertThat(metadata).containsKey(key);
            assertThat(metadata.get(key).path("description").asText()).as("the description of %s", key).isNotBlank();
        }
    }
}
