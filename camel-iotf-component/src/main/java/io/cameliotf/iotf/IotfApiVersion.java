package io.cameliotf.iotf;

/**
 * The version of the REST API an endpoint speaks: v0002, the later contract that the running service and IBM's
 * current SDKs use (later contract 1, 2), or v0001, the 2015 API [3].
 */
public enum IotfApiVersion {
    /** The 2015 API [3.1, 3.2]. */
    v0001,
    /** The later contract: device types, paging with bookmarks, bulk, locations, last events, API keys. */
    v0002
}
