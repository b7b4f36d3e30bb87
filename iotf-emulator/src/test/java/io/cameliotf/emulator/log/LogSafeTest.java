package io.cameliotf.emulator.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void ordinaryValuesStayAsTheyAre() {
        String value = "d:org001:sensor:dev-1_a.b a\\b ünï";
        assertThat(LogSafe.of(value)).isSameAs(value);
        assertThat(LogSafe.of((String) null)).isEqualTo("null");
    }

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertThat(LogSafe.of("key\nINFO forged line")).isEqualTo("key\\nINFO forged line");
        assertThat(LogSafe.of("a\r\nb\tc")).isEqualTo("a\\r\\nb\\tc");
        assertThat(LogSafe.of("tok\0\u0001\u001f\u007f\u0085\u2028")).isEqualTo("tok\\u0000\\u0001\\u001f\\u007f\\u0085\\u2028");
        assertThat(LogSafe.of("\u001b[31mred")).isEqualTo("\\u001b[31mred");
    }

    @Test
    void objectsAreEscapedByTheirText() {
        Object o = new Object() {
            @Override
            public String toString() {
                return "x\ny";
            }
        };
        assertThat(LogSafe.of(o)).isEqualTo("x\\ny");
    }
}
