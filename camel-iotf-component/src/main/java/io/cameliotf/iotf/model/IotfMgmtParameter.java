package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One parameter of a management request (later contract 2.14): {@code {"name": ..., "value": ...}}, for example
 * firmware/download's {@code uri}, {@code name}, {@code verifier} and {@code version}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfMgmtParameter implements IotfModel {

    private String name;
    private String value;

    public IotfMgmtParameter() {
    }

    public IotfMgmtParameter(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
