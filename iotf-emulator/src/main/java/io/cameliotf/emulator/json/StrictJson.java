package io.cameliotf.emulator.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads JSON that comes from clients (REST bodies, device payloads the historian shows) by one strict rule set,
 * so that what is taken is exactly one well-formed JSON value within fixed limits, and what is refused is refused
 * with a sentence a client can act on (never a parser's class name):
 * <ul>
 * <li>at most {@value #MAX_DEPTH} levels of nested objects and arrays, numbers of at most {@value #MAX_NUMBER_LENGTH}
 * characters, strings of at most {@value #MAX_STRING_LENGTH} characters, field names of at most
 * {@value #MAX_NAME_LENGTH} characters, documents of at most {@value #MAX_DOCUMENT_LENGTH} bytes (Jackson's
 * {@link StreamReadConstraints}: deep nesting and long numbers cost the parser time and stack);</li>
 * <li>nothing but white space after the value (a lax parser drops trailing garbage silently);</li>
 * <li>every number within the range of a double: {@code 1e999999} is refused, not read as Infinity, which JSON
 * cannot represent (RFC 8259 6) and which would be written back as the invalid token {@code Infinity}.</li>
 * </ul>
 * JSON's own grammar is RFC 8259; the reference gives JSON as the format of payloads [5.4] and API bodies [3.1].
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 512 * 1024;
    public static final int MAX_NAME_LENGTH = 1_024;
    public static final long MAX_DOCUMENT_LENGTH = 512 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).maxNameLength(MAX_NAME_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH).build())
            .build());

    private StrictJson() {
    }

    /** The one JSON value of {@code text}. */
    public static JsonNode read(String text) throws InvalidJsonException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return read(parser);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** The one JSON value of {@code bytes} (UTF-8, or as JSON's encoding detection finds it). */
    public static JsonNode read(byte[] bytes) throws InvalidJsonException {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            return read(parser);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    private static JsonNode read(JsonParser parser) throws IOException, InvalidJsonException {
        JsonNode json = MAPPER.readTree(parser);
        if (json == null || json.isMissingNode()) {
            throw new InvalidJsonException("it holds no JSON value");
        }
        JsonLocation end = parser.currentLocation();
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonParseException e) {
            more = true; // something that is not even a token follows
        }
        if (more) {
            throw new InvalidJsonException("there is more after the JSON value, from line " + end.getLineNr()
                    + " column " + end.getColumnNr());
        }
        finiteNumbers(json, "");
        return json;
    }

    /** Refuses a number the parser could only read as an infinite double, naming where it is. */
    private static void finiteNumbers(JsonNode node, String path) throws InvalidJsonException {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new InvalidJsonException("the number " + (path.isEmpty() ? "" : "at " + path + " ")
                    + "is out of the range of a double (about 1.8e308)");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                finiteNumbers(field.getValue(), path.isEmpty() ? field.getKey() : path + '.' + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                finiteNumbers(node.get(i), path + '[' + i + ']');
            }
        }
    }

    private static InvalidJsonException invalid(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return new InvalidJsonException(limit(e.getMessage()));
        }
        if (e instanceof JsonParseException) {
            return new InvalidJsonException(describe(((JsonParseException) e).getOriginalMessage()) + where(e));
        }
        return new InvalidJsonException("it is not well-formed JSON" + where(e));
    }

    /** Which limit was passed, in this class's words (Jackson's message names its own classes). */
    private static String limit(String message) {
        String m = String.valueOf(message);
        if (m.contains("nesting depth")) {
            return "it nests objects and arrays deeper than " + MAX_DEPTH + " levels";
        }
        if (m.startsWith("Number")) {
            return "it has a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("String")) {
            return "it has a string longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (m.startsWith("Name")) {
            return "it has a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (m.startsWith("Document")) {
            return "it is longer than " + MAX_DOCUMENT_LENGTH + " bytes";
        }
        return "it exceeds a limit of this service (" + MAX_DEPTH + " levels, numbers of " + MAX_NUMBER_LENGTH
                + " characters)";
    }

    /**
     * The parser's own description of a syntax error, without what it adds about its input source and without
     * anything that names one of its classes.
     */
    static String describe(String original) {
        String m = original == null ? "" : original;
        for (String cut : new String[] {" (start marker at", "[Source", "\n"}) {
            int at = m.indexOf(cut);
            if (at >= 0) {
                m = m.substring(0, at);
            }
        }
        m = m.trim();
        if (m.isEmpty() || m.contains("`") || m.contains("jackson") || m.contains("Feature")) {
            return "it is not well-formed JSON";
        }
        return m;
    }

    private static String where(IOException e) {
        JsonLocation at = e instanceof com.fasterxml.jackson.core.JacksonException
                ? ((com.fasterxml.jackson.core.JacksonException) e).getLocation() : null;
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
    }
}
