package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What DocSnippetsTest catches, on documents made up for the purpose (the sources are this module's). */
class SnippetsTest {

    private static final String SOURCE = "camel-iotf-component/src/test/java/io/cameliotf/iotf/docs/UserGuideSnippetsTest.java";
    private static final String YAML = "camel-iotf-component/src/test/resources/io/cameliotf/iotf/docs/user-guide-route.yaml";

    private static String snippet(String source, String region, String language, String text) {
        return "<!-- snippet: " + source + "#" + region + " -->\n```" + language + "\n" + text + "```\n<!-- /snippet -->\n";
    }

    @Test
    void aBlockThatNoTestRunsIsFound() {
        String doc = "# t\n\n```java\nfrom(\"x\");\n```\n\n```xml\n<a/>\n```\n"
                + snippet(SOURCE, "shared", "java", Snippets.region(SOURCE, "shared"));
        assertThat(Snippets.unmarked(doc)).containsExactly(3);
    }

    @Test
    void aSnippetThatDriftedIsRenderedFromItsSource() {
        String region = Snippets.region(SOURCE, "shared");
        assertThat(region).startsWith("from(\"iotf:device-event?appId=ingest&shared=true&qos=1\")\n    .to(");
        String drifted = "intro\n" + snippet(SOURCE, "shared", "java", "from(\"iotf:device-event?...\");\n") + "outro\n";
        Snippets.Snippet s = Snippets.of("docs/x.md", drifted).get(0);
        assertThat(s.where()).isEqualTo("docs/x.md:3");
        assertThat(s.text()).isNotEqualTo(region);
        assertThat(Snippets.render(drifted)).isEqualTo("intro\n" + snippet(SOURCE, "shared", "java", region) + "outro\n");
    }

    @Test
    void yamlRegionsUseHashMarkers() {
        assertThat(Snippets.region(YAML, "yaml-route")).startsWith("- route:\n    from:\n").doesNotContain("tag::");
    }

    @Test
    void aRegionThatIsMissingIsNamed() {
        assertThatThrownBy(() -> Snippets.region(SOURCE, "no-such-region"))
                .hasMessageContaining(SOURCE).hasMessageContaining("no region no-such-region");
    }

    @Test
    void anExpressionThatNeedsCamelBeanMustSaySo() {
        String needs = "from(\"direct:a\").log(\"${body.temp}\");\n";
        String silent = "text\n\n" + snippet(SOURCE, "shared", "java", needs) + "\nmore text\n";
        String said = "text\n\n" + snippet(SOURCE, "shared", "java", needs) + "\n(`${body.temp}` needs camel-bean.)\n";
        String headersOnly = snippet(SOURCE, "shared", "java", "from(\"direct:a\").log(\"${header.CamelIotfDeviceId}\");\n");
        assertThat(Snippets.camelBeanUnsaid(Snippets.of("d", silent).get(0), silent)).isTrue();
        assertThat(Snippets.camelBeanUnsaid(Snippets.of("d", said).get(0), said)).isFalse();
        assertThat(Snippets.camelBeanUnsaid(Snippets.of("d", headersOnly).get(0), headersOnly)).isFalse();
    }
}
