package io.cameliotf.emulator.api;

/**
 * Who calls the API: an application's API key [3.1.1], or a device with its token (HTTP messaging, later contract
 * 1.2), and the organization it belongs to.
 *
 * @param apiKey the API key, or null for a device
 * @param deviceType the device's type, or null for an application
 */
public record ApiCaller(String org, String apiKey, String deviceType, String deviceId) {

    public static ApiCaller application(String org, String apiKey) {
        return new ApiCaller(org, apiKey, null, null);
    }

    public static ApiCaller device(String org, String type, String id) {
        return new ApiCaller(org, null, type, id);
    }

    public boolean isDevice() {
        return apiKey == null;
    }

    /** The client id of the caller as its MQTT connection would have it. */
    public String clientId() {
        return isDevice() ? "d:" + org + ':' + deviceType + ':' + deviceId : apiKey;
    }
}
