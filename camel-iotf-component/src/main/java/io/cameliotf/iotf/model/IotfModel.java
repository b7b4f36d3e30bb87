package io.cameliotf.iotf.model;

/** The answers of the REST API: each converts to JSON text, a Map and a JsonNode with the service's field names. */
public interface IotfModel {
}
