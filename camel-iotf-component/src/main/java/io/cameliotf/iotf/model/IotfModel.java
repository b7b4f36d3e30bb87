package io.cameliotf.iotf.model;

/** The answers of the REST API: each converts to JSON text and to a Map with the service's field names. */
public interface IotfModel {
}
