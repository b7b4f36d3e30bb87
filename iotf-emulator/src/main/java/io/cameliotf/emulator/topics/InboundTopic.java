package io.cameliotf.emulator.topics;

/**
 * A publish accepted into a client's topic space: where it goes inside the broker and, for device
 * events and commands, which device, event or command and format it names.
 *
 * @param internalTopic the topic inside the broker (for a device management request: none, the service consumes it)
 * @param event true for a device event, false for a command or a device management request
 * @param name the event id, the command id, or the operation of a device management request ({@code mgmt/manage})
 * @param management true for a device management request of the device {@code deviceType}/{@code deviceId}
 *        (later contract 3.5.1), which the service consumes and no client receives
 */
public record InboundTopic(String internalTopic, boolean event, String deviceType, String deviceId, String name,
        String format, boolean management) {

    public InboundTopic(String internalTopic, boolean event, String deviceType, String deviceId, String name,
            String format) {
        this(internalTopic, event, deviceType, deviceId, name, format, false);
    }

    /** A device management request {@code op} ({@code mgmt/manage}, {@code response}, ...) for one device. */
    public static InboundTopic management(String deviceType, String deviceId, String op) {
        return new InboundTopic(InternalTopics.DENIED, false, deviceType, deviceId, op, null, true);
    }
}
