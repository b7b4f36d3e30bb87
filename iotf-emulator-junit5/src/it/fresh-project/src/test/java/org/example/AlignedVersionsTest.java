package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With the test kit alone, this project resolves every library in the version the kit was built and tested with
 * (BouncyCastle 1.87 rather than HiveMQ's 1.78.1, one Netty rather than HiveMQ's and Vert.x's): nothing is pinned.
 */
class AlignedVersionsTest {

    /** A line of dependency:list, {@code group:artifact:jar[:classifier]:version:scope}. */
    private static final Pattern LISTED = Pattern.compile("^\\s+[^:\\s]+:([^:\\s]+):jar:(?:[^:\\s]+:)?([^:\\s]+):\\w+");

    @Test
    void everyLibraryInTheVersionTheKitWasBuiltWith() throws IOException {
        Set<String> jars = Arrays.stream(testClassPath().split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString()).collect(Collectors.toSet());
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("dependencies.as.built")))) {
            Matcher m = LISTED.matcher(line);
            if (m.find()) {
                expected.add(m.group(1) + "-" + m.group(2));
            }
        }
        assertFalse(expected.isEmpty(), "no dependencies listed");
        List<String> missing = expected.stream()
                .filter(jar -> jars.stream().noneMatch(j -> j.equals(jar + ".jar") || j.startsWith(jar + "-")))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "not on the class path in the version the kit was built with");
    }

    @Test
    void theBouncyCastleClassThatAnOlderBcprovLacksLoads() throws ClassNotFoundException {
        Class.forName("org.bouncycastle.asn1.iana.IANAObjectIdentifiers");
    }

    /** Surefire runs the tests from a manifest-only jar, and names the real class path in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
