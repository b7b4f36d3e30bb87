package io.cameliotf.iotf;

/** Whether the endpoint connects as an application or as a device [5.1.4]. */
public enum IotfClientType {
    application,
    device
}
