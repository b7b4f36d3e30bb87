package io.cameliotf.iotf.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code snippets of a Markdown document, each kept as a region of a source file that a test compiles and runs.
 * In the document a snippet is
 *
 * <pre>
 * &lt;!-- snippet: camel-iotf-component/src/test/java/.../SomeSnippetsTest.java#name --&gt;
 * ```java
 * (the region, as the source has it)
 * ```
 * &lt;!-- /snippet --&gt;
 * </pre>
 *
 * and in the source (a path from the repository's root) the region is the lines between {@code // tag::name[]}
 * and {@code // end::name[]} ({@code # tag::name[]} in YAML and properties files), without their common
 * indentation; lines of other regions' markers inside it are left out, so regions may nest, and a region may come in
 * parts (the same tag and end again further on), which are joined.
 */
final class Snippets {

    /** Blocks of these languages must be snippets; other blocks (xml, shell, json...) may be. */
    static final Pattern MUST_RUN = Pattern.compile("^```(java|yaml)\\s*$", Pattern.MULTILINE);
    static final Pattern SNIPPET = Pattern.compile(
            "(<!-- snippet: ([^#\\s]+)#([\\w.-]+) -->\\n```(\\w+)\\n)(.*?)(```\\n<!-- /snippet -->)", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("(//|#)\\s*(tag|end)::[\\w.-]+\\[]");
    /** Simple expressions that call a method or index a map, which only camel-bean evaluates. */
    private static final Pattern NEEDS_BEAN = Pattern.compile("\\$\\{(body|exception|header\\.\\w+)[.\\[]");

    private Snippets() {
    }

    /** A snippet of a document: where it is, what it includes, and its text in the document. */
    record Snippet(String doc, int line, String source, String region, String language, String text) {

        String where() {
            return doc + ":" + line;
        }
    }

    static List<Snippet> of(String doc, String content) {
        List<Snippet> snippets = new ArrayList<>();
        Matcher m = SNIPPET.matcher(content);
        while (m.find()) {
            snippets.add(new Snippet(doc, DocsFiles.lineOf(content, m.start(4)), m.group(2), m.group(3), m.group(4),
                    m.group(5)));
        }
        return snippets;
    }

    /** {@code content} with every snippet replaced by its source region. */
    static String render(String content) {
        Matcher m = SNIPPET.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String region = region(m.group(2), m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + region + m.group(6)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The lines of {@code java} and {@code yaml} blocks of {@code content} that are not snippets. */
    static List<Integer> unmarked(String content) {
        List<Integer> lines = new ArrayList<>();
        Matcher m = MUST_RUN.matcher(content);
        while (m.find()) {
            int end = Math.max(0, m.start() - 1);
            String previous = content.substring(content.lastIndexOf('\n', end - 1) + 1, end);
            if (!previous.startsWith("<!-- snippet: ")) {
                lines.add(DocsFiles.lineOf(content, m.start()));
            }
        }
        return lines;
    }

    /**
     * True when the snippet has an expression that needs camel-bean and neither it nor the two lines around it in
     * {@code content} say so.
     */
    static boolean camelBeanUnsaid(Snippet snippet, String content) {
        if (!NEEDS_BEAN.matcher(snippet.text()).find() || snippet.text().contains("camel-bean")) {
            return false;
        }
        String[] lines = content.split("\n", -1);
        int first = Math.max(0, snippet.line() - 4);
        int last = Math.min(lines.length, snippet.line() + (int) snippet.text().lines().count() + 4);
        for (int i = first; i < last; i++) {
            if (lines[i].contains("camel-bean")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The region {@code name} of the file at {@code source} (from the repository's root): every part between its
     * tag and end markers, in order, so that a test may keep its own lines (assertions) between two parts.
     */
    static String region(String source, String name) {
        List<String> lines = DocsFiles.read(source).lines().toList();
        List<String> body = new ArrayList<>();
        int start = indexOf(lines, "tag::" + name + "[]", 0);
        if (start < 0) {
            throw new IllegalArgumentException(source + " has no region " + name + ": mark it with // tag::" + name
                    + "[] and // end::" + name + "[] (# in YAML and properties)");
        }
        while (start >= 0) {
            int end = indexOf(lines, "end::" + name + "[]", start + 1);
            if (end < 0) {
                throw new IllegalArgumentException(source + ":" + (start + 1) + ": the region " + name
                        + " has no // end::" + name + "[]");
            }
            lines.subList(start + 1, end).stream().filter(l -> !MARKER.matcher(l).find()).forEach(body::add);
            start = indexOf(lines, "tag::" + name + "[]", end + 1);
        }
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(Snippets::indentation).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String line : body) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.find() && lines.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
