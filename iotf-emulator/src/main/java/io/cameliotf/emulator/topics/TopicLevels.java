package io.cameliotf.emulator.topics;

/** Splits MQTT topics into levels without regular expressions (this runs for every message). */
final class TopicLevels {

    private TopicLevels() {
    }

    static String[] split(String topic) {
        int count = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                count++;
            }
        }
        String[] levels = new String[count];
        int start = 0;
        int n = 0;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                levels[n++] = topic.substring(start, i);
                start = i + 1;
            }
        }
        levels[n] = topic.substring(start);
        return levels;
    }

    /** A non-empty level that holds no wildcard. */
    static boolean isLiteral(String level) {
        return !level.isEmpty() && level.indexOf('+') < 0 && level.indexOf('#') < 0;
    }

    /** A non-empty level that is either {@code +} or holds no wildcard. */
    static boolean isLiteralOrPlus(String level) {
        return "+".equals(level) || isLiteral(level);
    }
}
