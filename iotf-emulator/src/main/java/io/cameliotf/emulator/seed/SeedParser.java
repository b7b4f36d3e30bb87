package io.cameliotf.emulator.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.console.ConsoleAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a seed file. Every problem is reported with the file, the line, the entry (for example
 * {@code organizations[0].devices[2].id}) and what is wrong; a seed with any problem is refused as a whole, so
 * the service never starts half-configured.
 * <pre>
 * {"organizations":[{"id":"org001","name":"Org One",
 *   "apiKeys":[{"key":"a-org001-k1a2b3c4d5","token":"apitok1"}],
 *   "devices":[{"type":"sensor","id":"dev1","token":"devtok1","metadata":{}}]}],
 *  "console":{"admin":{"user":"admin","passwordHash":"pbkdf2-sha256$..."}}}
 * </pre>
 */
public final class SeedParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_PROBLEMS = 50;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, Integer>> fieldLines = new IdentityHashMap<>();

    private SeedParser(String source) {
        this.source = source;
    }

    public static Seed parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new SeedException(file.toString(), List.of("the file does not exist"));
        } catch (IOException e) {
            throw new SeedException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    public static Seed parse(String source, InputStream in) {
        return new SeedParser(source).read(in);
    }

    private Seed read(InputStream in) {
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() == null) {
                throw new SeedException(source, List.of("the file is empty"));
            }
            root = node(p);
            if (p.nextToken() != null) {
                problem(p.currentTokenLocation().getLineNr(), "(root)", "unexpected content after the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw new SeedException(source, List.of("line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr() + ": malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SeedException(source, List.of("cannot be read: " + e.getMessage()));
        }
        Seed seed = seed(root);
        if (!problems.isEmpty()) {
            throw new SeedException(source, problems);
        }
        return seed;
    }

    /** Builds a tree like Jackson's, remembering the line of every object, array and field. */
    private JsonNode node(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        int line = p.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            Map<String, Integer> fields = new HashMap<>();
            lines.put(object, line);
            fieldLines.put(object, fields);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int fieldLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                JsonNode value = node(p);
                if (object.has(name)) {
                    problem(fieldLine, name, "the field appears twice in one object");
                }
                object.set(name, value);
                fields.put(name, fieldLine);
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            lines.put(array, line);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(p));
            }
            return array;
        }
        return MAPPER.readTree(p);
    }

    private Seed seed(JsonNode root) {
        if (!(root instanceof ObjectNode)) {
            problem(1, "(root)", "must be a JSON object with a field \"organizations\"");
            return null;
        }
        ObjectNode object = (ObjectNode) root;
        knownFields(object, "(root)", Set.of("organizations", "console"));
        ArrayNode orgs = array(object, "organizations", "organizations", true);
        List<Seed.Org> result = new ArrayList<>();
        Set<String> orgIds = new HashSet<>();
        Set<String> apiKeys = new HashSet<>();
        for (int i = 0; orgs != null && i < orgs.size(); i++) {
            Seed.Org org = organization(orgs.get(i), "organizations[" + i + "]", orgIds, apiKeys);
            if (org != null) {
                result.add(org);
            }
        }
        return new Seed(source, List.copyOf(result), console(object));
    }

    /** {@code "console": {"admin": {"user": ..., "passwordHash" | "password": ...}}}, or null. */
    private Seed.Admin console(ObjectNode root) {
        if (!root.has("console") || root.get("console").isNull()) {
            return null;
        }
        ObjectNode console = object(root.get("console"), "console");
        if (console == null) {
            return null;
        }
        knownFields(console, "console", Set.of("admin"));
        if (!console.has("admin")) {
            problem(lines.getOrDefault(console, 0), "console", "the field \"admin\" is missing");
            return null;
        }
        ObjectNode admin = object(console.get("admin"), "console.admin");
        if (admin == null) {
            return null;
        }
        String path = "console.admin";
        knownFields(admin, path, Set.of("user", "passwordHash", "password"));
        String user = text(admin, "user", path, true);
        String hash = text(admin, "passwordHash", path, false);
        String password = text(admin, "password", path, false);
        if (user != null) {
            String problem = ConsoleAdmin.userProblem(user);
            if (problem != null) {
                problem(admin, "user", path, problem);
            }
        }
        if ((hash == null) == (password == null)) {
            problem(lines.getOrDefault(admin, 0), path, "give either \"passwordHash\" (as TokenHasher makes it: "
                    + TokenHasher.FORMAT + ") or \"password\" (hashed at start), not "
                    + (hash == null ? "neither" : "both"));
        } else if (hash != null && !TokenHasher.isHash(hash)) {
            problem(admin, "passwordHash", path, "is not of the form " + TokenHasher.FORMAT);
        } else if (password != null && ConsoleAdmin.passwordProblem(password) != null) {
            problem(admin, "password", path, ConsoleAdmin.passwordProblem(password));
        }
        return new Seed.Admin(user, hash, password);
    }

    private Seed.Org organization(JsonNode node, String path, Set<String> orgIds, Set<String> apiKeys) {
        ObjectNode org = object(node, path);
        if (org == null) {
            return null;
        }
        knownFields(org, path, Set.of("id", "name", "apiKeys", "devices"));
        String id = text(org, "id", path, true);
        if (id != null) {
            check(org, "id", path, id, IotfNames.orgProblem(id));
            if (IotfNames.QUICKSTART.equals(id)) {
                problem(org, "id", path, "'quickstart' is built in and cannot be seeded");
            } else if (!orgIds.add(id)) {
                problem(org, "id", path, "organization '" + id + "' is defined twice");
            }
        }
        String name = text(org, "name", path, false);
        List<Seed.Key> keys = new ArrayList<>();
        ArrayNode keyNodes = array(org, "apiKeys", path + ".apiKeys", false);
        for (int i = 0; keyNodes != null && i < keyNodes.size(); i++) {
            String keyPath = path + ".apiKeys[" + i + "]";
            ObjectNode k = object(keyNodes.get(i), keyPath);
            if (k == null) {
                continue;
            }
            knownFields(k, keyPath, Set.of("key", "token"));
            String key = text(k, "key", keyPath, true);
            String token = text(k, "token", keyPath, true);
            if (key != null && id != null) {
                check(k, "key", keyPath, key, IotfNames.apiKeyProblem(key, id));
                if (!apiKeys.add(key)) {
                    problem(k, "key", keyPath, "API key '" + key + "' is defined twice");
                }
            }
            token(k, keyPath, token);
            keys.add(new Seed.Key(key, token));
        }
        List<Seed.SeedDevice> devices = new ArrayList<>();
        Set<String> deviceIds = new HashSet<>();
        ArrayNode deviceNodes = array(org, "devices", path + ".devices", false);
        for (int i = 0; deviceNodes != null && i < deviceNodes.size(); i++) {
            String devicePath = path + ".devices[" + i + "]";
            ObjectNode d = object(deviceNodes.get(i), devicePath);
            if (d == null) {
                continue;
            }
            knownFields(d, devicePath, Set.of("type", "id", "token", "metadata"));
            String type = text(d, "type", devicePath, true);
            String deviceId = text(d, "id", devicePath, true);
            String token = text(d, "token", devicePath, true);
            check(d, "type", devicePath, type, type == null ? null : IotfNames.typeOrIdProblem(type));
            check(d, "id", devicePath, deviceId, deviceId == null ? null : IotfNames.typeOrIdProblem(deviceId));
            if (type != null && deviceId != null && !deviceIds.add(type + '/' + deviceId)) {
                problem(d, "id", devicePath, "device " + type + "/" + deviceId + " is defined twice in this organization");
            }
            token(d, devicePath, token);
            JsonNode metadata = d.get("metadata");
            if (metadata != null && !metadata.isObject() && !metadata.isNull()) {
                problem(d, "metadata", devicePath, "must be a JSON object");
            }
            devices.add(new Seed.SeedDevice(type, deviceId, token,
                    metadata == null || metadata.isNull() ? null : metadata));
        }
        return new Seed.Org(id, name == null ? id : name, List.copyOf(keys), List.copyOf(devices));
    }

    /** A token of an API key or a device: not empty, no control character (the problem never shows the token). */
    private void token(ObjectNode object, String path, String token) {
        if (token == null) {
            return;
        }
        String problem = token.isEmpty() ? "must not be empty" : IotfNames.controlCharacterProblem(token);
        if (problem != null) {
            problem(object, "token", path, problem);
        }
    }

    private void knownFields(ObjectNode object, String path, Set<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                problem(object, name, path, "unknown field (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(ObjectNode object, String field, String path, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(lines.getOrDefault(object, 0), path, "the field \"" + field + "\" is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(object, field, path, "must be a string, not " + value.getNodeType().toString().toLowerCase());
            return null;
        }
        return value.asText();
    }

    private ArrayNode array(ObjectNode object, String field, String path, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(lines.getOrDefault(object, 0), path, "is missing");
            }
            return null;
        }
        if (!value.isArray()) {
            problem(object, field, path.substring(0, Math.max(0, path.lastIndexOf('.'))), "must be an array");
            return null;
        }
        return (ArrayNode) value;
    }

    private ObjectNode object(JsonNode node, String path) {
        if (node instanceof ObjectNode) {
            return (ObjectNode) node;
        }
        problem(lines.getOrDefault(node, 0), path, "must be a JSON object");
        return null;
    }

    private void check(ObjectNode object, String field, String path, String value, String problem) {
        if (problem != null) {
            problem(object, field, path, "'" + value + "' " + problem);
        }
    }

    private void problem(ObjectNode object, String field, String path, String message) {
        int line = fieldLines.getOrDefault(object, Map.of()).getOrDefault(field, lines.getOrDefault(object, 0));
        problem(line, path.isEmpty() ? field : path + "." + field, message);
    }

    private void problem(int line, String entry, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("line " + line + ": " + entry + ": " + message);
        }
    }
}
