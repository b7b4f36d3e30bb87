package io.cameliotf.iotf.mqtt;

/**
 * An MQTT topic filter with {@code +} wildcards, and a last level {@code #} (device management's {@code iotdm-1/#},
 * later contract 3.5.1), matched level by level.
 */
final class TopicFilter {

    /** The multi-level wildcard: any number of levels, the last level of a filter only. */
    static final String MULTI = "#";

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
        boolean rest = levels.length > 0 && levels[levels.length - 1].equals(MULTI);
        int fixed = rest ? levels.length - 1 : levels.length;
        if (rest ? topicLevels.length < fixed : topicLevels.length != levels.length) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
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
