package io.cameliotf.iotf.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.cameliotf.iotf.rules.Secrets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An API key of the organization (later contract 2.13): the key, its comment and roles, when it was made, and after
 * {@code createApiKey} its token, the only time the service returns it. {@link #toString()} never shows the
 * token, nor the key beyond its organization (a-org-****: a key is the user name of a secret pair). The body of
 * {@code createApiKey}: the comment and roles of the new key.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IotfApiKey implements IotfModel {

    private String key;
    private String token;
    private String comment;
    private List<String> roles = new ArrayList<>();
    private OffsetDateTime createdAt;

    public IotfApiKey() {
    }

    /** A key to create, with a comment and roles (for example PD_STANDARD_APP). */
    public IotfApiKey(String comment, String... roles) {
        this.comment = comment;
        this.roles = new ArrayList<>(List.of(roles));
    }

    /** The key, a-org-xxxxxxxxxx: the user name of HTTP Basic and MQTT. */
    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    /** The key's token, after createApiKey only. */
    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public String toString() {
        return "IotfApiKey[" + Secrets.mask(key) + " " + roles + (token == null ? "" : ", token ****") + "]";
    }
}
