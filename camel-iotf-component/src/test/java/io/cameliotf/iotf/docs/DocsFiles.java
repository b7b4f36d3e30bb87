package io.cameliotf.iotf.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documents of the repository, for the tests that keep parts of them generated from the code: read, compared,
 * and rewritten when the build runs with {@code -Diotf.docs.update=true}.
 */
final class DocsFiles {

    /** The repository's root: tests run in the module's directory. */
    static final Path ROOT = Path.of("..");
    static final String UPDATE = "iotf.docs.update";

    private DocsFiles() {
    }

    /** README.md and every docs/*.md, as paths relative to the root. */
    static List<String> markdown() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of("README.md"), docs.map(p -> "docs/" + p.getFileName())
                    .filter(p -> p.endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relative + " (from " + ROOT.toAbsolutePath() + ")", e);
        }
    }

    /** True when the run asks to rewrite the documents ({@code -Diotf.docs.update=true}). */
    static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /** Writes {@code content} to the document when {@link #updating()} and it differs; returns whether it wrote. */
    static boolean updateIfAsked(String relative, String current, String content) {
        if (!updating() || current.equals(content)) {
            return false;
        }
        try {
            Files.writeString(ROOT.resolve(relative), content, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line (1-based) of {@code text} that holds character {@code offset}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The first line (1-based) where two texts differ, or 0 when they are equal. */
    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return lineOf(a, i);
            }
        }
        return a.length() == b.length() ? 0 : lineOf(a, n);
    }

    /** How to bring the documents up to date, for failure messages. */
    static String regenerate(String test) {
        return "mvn -pl camel-iotf-component test -Dtest=" + test + " -D" + UPDATE + "=true";
    }
}
