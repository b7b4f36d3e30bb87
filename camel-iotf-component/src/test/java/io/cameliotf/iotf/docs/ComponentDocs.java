package io.cameliotf.iotf.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the option and header tables of {@code docs/component.md} from the component's generated {@code iotf.json},
 * so the documentation cannot drift from the code. Each table sits between
 * {@code <!-- BEGIN GENERATED: name -->} and {@code <!-- END GENERATED: name -->}.
 */
public final class ComponentDocs {

    static final String JSON = "META-INF/io/cameliotf/iotf/iotf.json";
    private static final Pattern SECTION = Pattern.compile(
            "(<!-- BEGIN GENERATED: ([a-z-]+) -->\\n)(.*?)(<!-- END GENERATED: \\2 -->)", Pattern.DOTALL);

    private ComponentDocs() {
    }

    /** The generated sections, by name. */
    public static Map<String, String> sections() throws IOException {
        JsonNode json;
        try (InputStream in = ComponentDocs.class.getClassLoader().getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IOException(JSON + " is not on the class path: build the component first");
            }
            json = new ObjectMapper().readTree(in);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("path", options(json.get("properties"), "path"));
        sections.put("endpoint-options", options(json.get("properties"), "parameter"));
        sections.put("component-options", options(json.get("componentProperties"), "property"));
        sections.put("headers", headers(json.get("headers")));
        return sections;
    }

    /** {@code document} with every generated section replaced by its current content. */
    public static String render(String document, Map<String, String> sections) {
        Matcher m = SECTION.matcher(document);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String content = sections.get(m.group(2));
            if (content == null) {
                throw new IllegalArgumentException("docs/component.md has an unknown generated section " + m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + content + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String options(JsonNode properties, String kind) {
        StringBuilder sb = new StringBuilder("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!kind.equals(p.path("kind").asText())) {
                continue;
            }
            String group = p.path("group").asText();
            String type = p.has("enum") ? "one of " + String.join(", ", values(p.get("enum"))) : p.path("type").asText();
            String description = p.path("description").asText();
            if (p.path("required").asBoolean()) {
                description = "**Required.** " + description;
            }
            if (p.path("secret").asBoolean()) {
                description += " Secret: masked in logs and endpoint URIs.";
            }
            sb.append("| `").append(e.getKey()).append("` | ").append(group).append(" | ").append(cell(type))
                    .append(" | ").append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(description)).append(" |\n");
        }
        return sb.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder("| header | used by | type | description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode h = e.getValue();
            String group = h.path("group").asText("common");
            String type = h.path("javaType").asText();
            sb.append("| `").append(e.getKey()).append("` | ").append(group.isEmpty() ? "common" : group).append(" | ")
                    .append(cell(type.substring(type.lastIndexOf('.') + 1))).append(" | ")
                    .append(cell(h.path("description").asText())).append(" |\n");
        }
        return sb.toString();
    }

    private static String[] values(JsonNode array) {
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = "`" + array.get(i).asText() + "`";
        }
        return values;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
