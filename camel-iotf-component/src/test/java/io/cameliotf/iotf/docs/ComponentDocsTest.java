package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails when the option and header tables of docs/component.md differ from what iotf.json (generated from the code)
 * says. To bring the document up to date:
 * {@code mvn -pl camel-iotf-component test -Dtest=ComponentDocsTest -Diotf.docs.update=true}.
 */
class ComponentDocsTest {

    static final String DOC = "docs/component.md";

    @Test
    void componentDocsMatchTheComponentMetadata() throws Exception {
        Map<String, String> sections = ComponentDocs.sections();
        String current = DocsFiles.read(DOC);
        String expected = ComponentDocs.render(current, sections);
        if (DocsFiles.updateIfAsked(DOC, current, expected)) {
            current = expected;
        }
        for (String name : sections.keySet()) {
            assertThat(current).as("docs/component.md has the generated section %s", name)
                    .contains("<!-- BEGIN GENERATED: " + name + " -->");
        }
        assertThat(current).as("%s:%d is out of date with the component's options and headers (iotf.json): run %s", DOC,
                DocsFiles.firstDifference(current, expected), DocsFiles.regenerate("ComponentDocsTest"))
                .isEqualTo(expected);
    }
}
