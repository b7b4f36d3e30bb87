package io.cameliotf.iotf;

import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.Message;

/**
 * The one rule of every producer for a value that a header can override: the header's value, else the endpoint's
 * option (the pattern of camel-aws2-s3's {@code AWS2S3Utils.determineKey}). A header's value is checked per message,
 * with its header named in the error; an option's was checked once, when the endpoint was made
 * ({@link EndpointRules}). Empty text and the wildcard '+' (a consumer's "any") count as not set.
 */
public final class HeaderOrOption {

    private HeaderOrOption() {
    }

    /** The header's value (read as {@code type}, checked by {@code rule}), else {@code option}; null when neither. */
    public static <T, R> R find(Message in, String header, Class<T> type, R option, ValueRules.Rule<? super T, R> rule) {
        T value = in.getHeader(header, type);
        if (isSet(value)) {
            return rule.check("The header " + header, value);
        }
        return isSet(option) ? option : null;
    }

    /** A text value, checked by {@code rule} when it comes from the header. */
    public static String find(Message in, String header, String option, ValueRules.Rule<String, String> rule) {
        return find(in, header, String.class, option, rule);
    }

    /**
     * As {@link #find(Message, String, String, ValueRules.Rule)}, for a value {@code what} cannot do without:
     * "{what} needs its {optionName}: set the option {optionName} or the header {header}".
     */
    public static String require(Message in, String header, String option, String optionName,
            ValueRules.Rule<String, String> rule, String what) {
        String value = find(in, header, option, rule);
        if (value == null) {
            throw new IllegalArgumentException(what + " needs its " + optionName + ": set the option " + optionName
                    + " or the header " + header);
        }
        return value;
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof String && (((String) value).isEmpty() || "+".equals(value)));
    }
}
