package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfApiVersion;
import java.io.IOException;

/** One version of the Device Management API: performs an operation and answers its typed result (null for none). */
interface RegistryApi {

    Object perform(RegistryRequest request) throws IOException;

    static RegistryApi of(IotfApiVersion version, IotfRestClient rest) {
        return version == IotfApiVersion.v0001 ? new RegistryV1(rest) : new RegistryV2(rest);
    }
}
