package io.cameliotf.emulator.seed;

import java.util.List;

/** A seed file that cannot be used; the message names the file, each entry and its problem. */
public final class SeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    SeedException(String source, List<String> problems) {
        super("Seed file " + source + " is not valid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
