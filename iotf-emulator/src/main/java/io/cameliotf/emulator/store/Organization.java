package io.cameliotf.emulator.store;

import java.time.Instant;

/** An organization [2.1.1, 3.1.2]. */
public record Organization(String id, String name, Instant created, Instant updated) {
}
