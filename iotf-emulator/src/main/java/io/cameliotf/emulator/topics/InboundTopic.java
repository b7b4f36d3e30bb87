package io.cameliotf.emulator.topics;

/**
 * A publish accepted into a client's topic space: where it goes inside the broker and, for device
 * events and commands, which device, event or command and format it names.
 *
 * @param internalTopic the topic inside the broker
 * @param event true for a device event, false for a command
 * @param name the event id or command id
 */
public record InboundTopic(String internalTopic, boolean event, String deviceType, String deviceId, String name,
        String format) {
}
