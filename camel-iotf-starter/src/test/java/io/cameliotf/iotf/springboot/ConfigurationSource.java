package io.cameliotf.iotf.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code IotfComponentConfiguration} from the component's metadata (iotf.json, which
 * camel-package-maven-plugin generates from the code), as Camel's generator renders its starters' classes: one
 * property per component option, its description as the javadoc (which spring-boot-configuration-processor turns
 * into the IDE's help), and its default in the additional metadata.
 */
final class ConfigurationSource {

    static final String PACKAGE = "io.cameliotf.iotf.springboot";
    static final String CLASS = "IotfComponentConfiguration";
    private static final String METADATA = "/META-INF/io/cameliotf/iotf/iotf.json";
    private static final int WIDTH = 116;

    private ConfigurationSource() {
    }

    /** The component's options, in the order of iotf.json. */
    static List<Map.Entry<String, JsonNode>> options() throws IOException {
        try (InputStream in = ConfigurationSource.class.getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is not on the class path (camel-iotf-component)");
            }
            JsonNode properties = new ObjectMapper().readTree(in).get("componentProperties");
            List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                all.add(it.next());
            }
            return all;
        }
    }

    static String render() throws IOException {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        for (Map.Entry<String, JsonNode> option : options()) {
            String name = option.getKey();
            JsonNode o = option.getValue();
            String type = javaType(o);
            fields.append(javadoc(o.path("description").asText(""), "    "));
            fields.append("    private ").append(type).append(' ').append(name).append(";\n");
            String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("\n    public ").append(type).append(" get").append(capital).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n")
                    .append("    public void set").append(capital).append('(').append(type).append(' ').append(name)
                    .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n");
        }
        return "package " + PACKAGE + ";\n\n"
                + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
                + "import org.springframework.boot.context.properties.ConfigurationProperties;\n\n"
                + "/**\n"
                + " * The options of the iotf component, under {@code camel.component.iotf.*} (in kebab case: {@code\n"
                + " * camel.component.iotf.auth-token}). Generated from the component's metadata (iotf.json) by\n"
                + " * ConfigurationSource; do not edit: run {@code mvn -pl camel-iotf-starter test\n"
                + " * -Dtest=IotfComponentConfigurationTest -Diotf.starter.update=true} after the component's options change.\n"
                + " */\n"
                + "@ConfigurationProperties(prefix = \"camel.component.iotf\")\n"
                + "public class " + CLASS + " extends ComponentConfigurationPropertiesCommon {\n\n"
                + fields + accessors + "}\n";
    }

    /** Wrapper types, so that an option nobody set stays null and the component keeps its own default. */
    static String javaType(JsonNode o) {
        String type = o.path("javaType").asText();
        return switch (type) {
            case "boolean" -> "Boolean";
            case "int" -> "Integer";
            case "long" -> "Long";
            default -> type.startsWith("java.lang.") ? type.substring("java.lang.".length()) : type;
        };
    }

    /**
     * The defaults, for the IDE: the fields have none, so that an option nobody set stays null and the component
     * applies its own rule (apiVersion, for one, follows apiBaseUrl when it is not set); spring-boot-configuration-
     * processor merges this file into the metadata it writes.
     */
    static String renderDefaults() throws IOException {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode properties = root.putArray("properties");
        properties.addObject().put("name", "camel.component.iotf.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to configure the iotf component from these properties.")
                .put("defaultValue", true);
        properties.addObject().put("name", "camel.component.iotf.customizer.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether the component customizer that copies these properties onto the "
                        + "component runs (camel.component.customizer.enabled turns off all components' at once).")
                .put("defaultValue", true);
        for (Map.Entry<String, JsonNode> option : options()) {
            JsonNode o = option.getValue();
            if (!o.has("defaultValue")) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode p = properties.addObject();
            p.put("name", "camel.component.iotf." + kebab(option.getKey()));
            p.put("type", javaType(o).contains(".") ? javaType(o) : "java.lang." + javaType(o));
            String value = o.get("defaultValue").asText();
            switch (javaType(o)) {
                case "Boolean" -> p.put("defaultValue", Boolean.parseBoolean(value));
                case "Integer", "Long" -> p.put("defaultValue", Long.parseLong(value));
                default -> p.put("defaultValue", value);
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String javadoc(String text, String indent) {
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        StringBuilder line = new StringBuilder();
        for (String word : text.replace("*/", "*&#47;").split("\\s+")) {
            if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > WIDTH) {
                out.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.append(indent).append(" * ").append(line).append('\n');
        }
        return out.append(indent).append(" */\n").toString();
    }
}
