package io.cameliotf.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHasherTest {

    private final TokenHasher hasher = new TokenHasher(1_000);

    @Test
    void hashIsSaltedAndVerifies() {
        String a = hasher.hash("MP$08VKz!8rXwnR-Q*");
        String b = hasher.hash("MP$08VKz!8rXwnR-Q*");
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$").doesNotContain("MP$08VKz");
        assertThat(hasher.verify("MP$08VKz!8rXwnR-Q*", a)).isTrue();
        assertThat(hasher.verify("MP$08VKz!8rXwnR-Q*", b)).isTrue();
        assertThat(hasher.verify("MP$08VKz!8rXwnR-Q", a)).isFalse();
    }

    @Test
    void hashesOfOtherIterationCountsStillVerify() {
        String stored = new TokenHasher(7).hash("t");
        assertThat(hasher.verify("t", stored)).isTrue();
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertThat(hasher.verify("t", "plain")).isFalse();
        assertThat(hasher.verify("t", "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(hasher.verify(null, hasher.hash("t"))).isFalse();
    }

    @Test
    void generatedTokensAreUriSafe() {
        assertThat(hasher.newToken(18)).hasSize(18).matches("[A-Za-z0-9_-]+");
        assertThat(hasher.newAlphanumeric(10)).hasSize(10).matches("[A-Za-z0-9]+");
    }

    @Test
    void isHashTellsTheStoredFormFromAnythingElse() {
        assertThat(TokenHasher.isHash(hasher.hash("t"))).isTrue();
        assertThat(TokenHasher.isHash("pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(TokenHasher.isHash("pbkdf2-sha256$10$c2FsdA$c2hvcnQ")).as("a hash of the wrong length").isFalse();
        assertThat(TokenHasher.isHash("s3cret")).isFalse();
        assertThat(TokenHasher.isHash(null)).isFalse();
    }
}
