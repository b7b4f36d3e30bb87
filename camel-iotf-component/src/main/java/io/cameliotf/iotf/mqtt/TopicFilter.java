package io.cameliotf.iotf.mqtt;

/** An MQTT topic filter with {@code +} wildcards (IoTF filters use no {@code #}), matched level by level. */
final class TopicFilter {

    private final String filter;
    private final String[] levels;

    TopicFilter(String filter) {
        this.filter = filter;
        this.levels = IotfTopics.split(filter);
    }

    String filter() {
        return filter;
    }

    boolean matches(String[] topicLevels) {
        if (topicLevels.length != levels.length) {
            return false;
        }
        for (int i = 0; i < levels.length; i++) {
            if (!levels[i].equals(IotfTopics.ANY) && !levels[i].equals(topicLevels[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return filter;
    }
}
