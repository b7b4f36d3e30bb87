package io.cameliotf.emulator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void oneValueWithinTheLimitsIsRead() throws Exception {
        assertThat(StrictJson.read("{\"a\":[1,2.5,\"x\"],\"b\":{\"c\":null}}  \n").get("a").get(1).asDouble()).isEqualTo(2.5);
        assertThat(StrictJson.read(nested(StrictJson.MAX_DEPTH - 1)).isObject()).isTrue();
        assertThat(StrictJson.read("1.7976931348623157e308").doubleValue()).isEqualTo(Double.MAX_VALUE);
        assertThat(StrictJson.read("1".repeat(StrictJson.MAX_NUMBER_LENGTH)).isBigInteger()).isTrue();
        assertThat(StrictJson.read("{\"t\":21}".getBytes(StandardCharsets.UTF_8)).get("t").asInt()).isEqualTo(21);
    }

    @Test
    void trailingGarbageIsRefused() {
        assertRefused("{\"a\":1} garbage", "there is more after the JSON value, from line 1 column 8");
        assertRefused("{\"a\":1}{\"b\":2}", "there is more after the JSON value");
        assertRefused("[1] 2", "there is more after the JSON value");
    }

    @Test
    void numbersBeyondADoubleAreRefusedNotReadAsInfinity() {
        assertRefused("{\"d\":{\"v\":1e999999}}", "the number at d.v is out of the range of a double");
        assertRefused("[0, -1e400]", "the number at [1] is out of the range of a double");
        assertRefused("{\"v\":NaN}", "not well-formed");
        assertRefused("1" + "0".repeat(StrictJson.MAX_NUMBER_LENGTH), "a number longer than 100 characters");
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() {
        assertRefused(nested(StrictJson.MAX_DEPTH + 1), "deeper than 32 levels");
        assertRefused("[".repeat(1_000) + "]".repeat(1_000), "deeper than 32 levels");
    }

    @Test
    void syntaxErrorsSayWhereAndNameNoClass() {
        assertRefused("{\"id\": }", "at line 1 column");
        assertRefused("{\"id\":\"x\"", "at line 1");
        assertRefused("id=x&type=y", "at line 1 column");
        assertRefused("", "no JSON value");
        assertThat(StrictJson.describe("Unexpected end-of-input: expected close marker for Object (start marker at "
                + "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(StrictJson.describe("Cannot construct `com.fasterxml.jackson.X`")).isEqualTo("it is not well-formed JSON");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> StrictJson.read(json)).isInstanceOf(InvalidJsonException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("`").doesNotContain("jackson")
                        .doesNotContain("Constraints").doesNotContain("Source"));
    }

    /** An object nested {@code depth} levels deep. */
    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
