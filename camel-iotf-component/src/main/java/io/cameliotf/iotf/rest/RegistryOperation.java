package io.cameliotf.iotf.rest;

/** The operations of {@code iotf:registry} [3.1, 4.3.8-4.3.10]. */
public enum RegistryOperation {
    /** The organization [3.1.2]. */
    getOrganization,
    /** Every device, or those of one deviceType [3.1.3, 3.1.4]. */
    listDevices,
    /** The device types with their counts [3.1.5]. */
    listDeviceTypes,
    /** Registers deviceType/deviceId with the body as metadata; the result carries the generated token [3.1.6]. */
    registerDevice,
    /** One device [3.1.8]. */
    getDevice,
    /** Replaces one device's metadata with the body [3.1.7]. */
    updateDevice,
    /** Deletes one device [3.1.9]. */
    deleteDevice
}
