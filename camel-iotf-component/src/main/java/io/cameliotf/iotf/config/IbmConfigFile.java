package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfConfiguration;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The option configFile: a configuration file of IBM's client libraries, in either of their formats. The YAML files
 * of the current SDKs (sections identity, auth, options; {@link WiotpYamlConfig}) are told by their extension (.yaml,
 * .yml) or by a top-level identity, auth or options key; anything else is read as the INI files of the earlier
 * libraries ([device] or [application]; {@link IniConfig}). Values fill the options that are not set
 * ({@link OptionFiller}).
 */
public final class IbmConfigFile {

    /** A top-level key of the YAML format; INI lines are key=value, so they never start like this. */
    private static final Pattern YAML_SECTION = Pattern.compile("(?m)^(identity|auth|options)[ \\t]*:");

    private IbmConfigFile() {
    }

    /**
     * Applies the file to {@code config}: every value fills an option that is not already set.
     *
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    public static void apply(Path file, IotfConfiguration config) {
        new OptionFiller(config, Set.of()).fill(read(file));
    }

    /**
     * Reads the file, in the format its name or content says.
     *
     * @throws IllegalArgumentException naming the file, the line and the problem, never a secret value
     */
    public static WiotpSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The configFile " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The configFile " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("The configFile " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return isYaml(file, text) ? WiotpYamlConfig.parse(file, text) : IniConfig.parse(file, text.lines().toList());
    }

    static boolean isYaml(Path file, String text) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || YAML_SECTION.matcher(text).find();
    }
}
