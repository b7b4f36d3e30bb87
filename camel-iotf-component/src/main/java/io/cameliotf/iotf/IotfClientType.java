package io.cameliotf.iotf;

/**
 * Whether the endpoint connects as an application or as a device [5.1.4], or as a gateway for the devices behind it
 * (later contract 3.4).
 */
public enum IotfClientType {
    application,
    device,
    gateway
}
