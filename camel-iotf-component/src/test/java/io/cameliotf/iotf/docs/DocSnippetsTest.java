package io.cameliotf.iotf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Java and YAML block of README.md and docs/*.md is a snippet: a region of a source file that a test compiles
 * and runs (see {@link Snippets}), and the document shows it as the source has it. To bring the documents up to date
 * with the sources: {@code mvn -pl camel-iotf-component test -Dtest=DocSnippetsTest -Diotf.docs.update=true}.
 */
class DocSnippetsTest {

    @Test
    void everyJavaAndYamlBlockIsASnippet() {
        List<String> problems = new ArrayList<>();
        for (String doc : DocsFiles.markdown()) {
            for (int line : Snippets.unmarked(DocsFiles.read(doc))) {
                problems.add(doc + ":" + line + ": a code block that no test runs: keep it in a test source between "
                        + "// tag::name[] and // end::name[] and put <!-- snippet: path#name --> before it and "
                        + "<!-- /snippet --> after it (see Snippets)");
            }
        }
        assertThat(problems).as("Java and YAML blocks of the docs").isEmpty();
    }

    @Test
    void snippetsAreTheirSources() {
        List<String> problems = new ArrayList<>();
        for (String doc : DocsFiles.markdown()) {
            String current = DocsFiles.read(doc);
            String expected = Snippets.render(current);
            if (DocsFiles.updateIfAsked(doc, current, expected)) {
                current = expected;
            }
            for (Snippets.Snippet snippet : Snippets.of(doc, current)) {
                if (!snippet.text().equals(Snippets.region(snippet.source(), snippet.region()))) {
                    problems.add(snippet.where() + ": the snippet differs from " + snippet.source() + "#"
                            + snippet.region() + ": run " + DocsFiles.regenerate("DocSnippetsTest"));
                }
            }
        }
        assertThat(problems).as("snippets of the docs").isEmpty();
    }

    @Test
    void expressionsThatNeedCamelBeanSaySo() {
        List<String> problems = new ArrayList<>();
        for (String doc : DocsFiles.markdown()) {
            String content = DocsFiles.read(doc);
            for (Snippets.Snippet snippet : Snippets.of(doc, content)) {
                if (Snippets.camelBeanUnsaid(snippet, content)) {
                    problems.add(snippet.where() + ": an expression calls a method or indexes a map (${body.x}, "
                            + "${body[x]}, ${exception.x}), which needs camel-bean: say so in the snippet or next to it");
                }
            }
        }
        assertThat(problems).as("snippets that need camel-bean").isEmpty();
    }
}
