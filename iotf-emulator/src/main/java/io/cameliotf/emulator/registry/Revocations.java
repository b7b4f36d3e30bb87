package io.cameliotf.emulator.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who must hear that a credential is gone: a deleted device's client id, a deleted API key. The broker drops their
 * live connections and the token cache forgets them, so that a deletion takes effect at once [3.1.9, 2.3.3].
 */
public final class Revocations {

    private final List<Consumer<String>> devices = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> apiKeys = new CopyOnWriteArrayList<>();

    /** Called with the client id of every deleted device. */
    public void onDeviceDeleted(Consumer<String> listener) {
        devices.add(listener);
    }

    /** Called with every deleted API key. */
    public void onApiKeyDeleted(Consumer<String> listener) {
        apiKeys.add(listener);
    }

    void deviceDeleted(String clientId) {
        devices.forEach(l -> l.accept(clientId));
    }

    void apiKeyDeleted(String key) {
        apiKeys.forEach(l -> l.accept(key));
    }
}
