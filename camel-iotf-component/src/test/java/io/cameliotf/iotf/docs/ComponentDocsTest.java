package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails when the option and header tables of docs/component.md differ from what iotf.json (generated from the code)
 * says. To bring the document up to date:
 * {@code mvn -pl camel-iotf-component test -Dtest=ComponentDocsTest -Diotf.docs.update=true}.
 */
class ComponentDocsTest {

    static final Path DOC = Path.of("..", "docs", "component.md");

    @Test
    void componentDocsMatchTheComponentMetadata() throws Exception {
        Map<String, String> sections = ComponentDocs.sections();
        String current = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = ComponentDocs.render(current, sections);
        if (Boolean.getBoolean("iotf.docs.update")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            current = expected;
        }
        for (String name : sections.keySet()) {
            assertThat(current).as("docs/component.md has the generated section %s", name)
                    .contains("<!-- BEGIN GENERATED: " + name + " -->");
        }
        assertThat(current).as("docs/component.md is out of date with the component's options and headers (iotf.json): "
                + "run mvn -pl camel-iotf-component test -Dtest=ComponentDocsTest -Diotf.docs.update=true")
                .isEqualTo(expected);
    }
}
