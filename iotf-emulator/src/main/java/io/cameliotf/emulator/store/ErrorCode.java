package io.cameliotf.emulator.store;

import java.time.Instant;

/** An error code a device reported (later contract 2.7, 3.5.4). */
public record ErrorCode(int errorCode, Instant timestamp) {
}
