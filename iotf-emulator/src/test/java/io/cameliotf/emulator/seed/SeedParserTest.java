package io.cameliotf.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeedParserTest {

    @Test
    void readsTheExampleSeed() {
        Seed seed = SeedParser.parse(Path.of("seeds/example-seed.json"));
        assertThat(seed.organizations()).extracting(Seed.Org::id).containsExactly("org001", "org002");
        Seed.Org org = seed.organization("org001");
        assertThat(org.apiKey(0).key()).isEqualTo("a-org001-k1a2b3c4d5");
        assertThat(org.device("sensor", "dev1").token()).isEqualTo("devtok1");
        assertThat(org.device("sensor", "dev1").metadata().get("location").asText()).isEqualTo("line 1");
        assertThat(org.apiKey(0).toString()).doesNotContain("apitok1");
    }

    @Test
    void deviceIdTooLongIsReportedWithFileLineAndEntry() {
        String json = "{\"organizations\":[{\"id\":\"org001\",\n"
                + "\"devices\":[\n"
                + "{\"type\":\"sensor\",\"id\":\"ok\",\"token\":\"t\"},\n"
                + "{\"type\":\"sensor\",\n"
                + " \"id\":\"" + "x".repeat(37) + "\",\"token\":\"t\"}]}]}";
        assertThatThrownBy(() -> parse(json)).isInstanceOf(SeedException.class)
                .hasMessageContaining("test.json")
                .hasMessageContaining("line 5: organizations[0].devices[1].id: '" + "x".repeat(37)
                        + "' is longer than 36 characters");
    }

    @Test
    void badCharactersInTypeAreReported() {
        String json = "{\"organizations\":[{\"id\":\"org001\",\"devices\":[{\"type\":\"sen sor\",\"id\":\"a\",\"token\":\"t\"}]}]}";
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("organizations[0].devices[0].type: 'sen sor' contains ' '");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String json = "{\"organizations\":[\n"
                + "{\"id\":\"org-1\",\"apiKeys\":[{\"key\":\"a-other-1234567890\",\"token\":\"\"}]},\n"
                + "{\"id\":\"org2\",\"devices\":[{\"type\":\"s\",\"id\":\"d\"},{\"type\":\"s\",\"id\":\"d\",\"token\":\"t\",\"colour\":1}]},\n"
                + "{\"id\":\"org2\"}, {\"id\":\"quickstart\"}]}";
        SeedException e = catchSeed(json);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("line 2: organizations[0].id: 'org-1' contains '-'"))
                .anySatisfy(p -> assertThat(p).contains("organizations[0].apiKeys[0].token: must not be empty"))
                .anySatisfy(p -> assertThat(p).contains("organizations[1].devices[0]: the field \"token\" is missing"))
                .anySatisfy(p -> assertThat(p).contains("organizations[1].devices[1].id: device s/d is defined twice"))
                .anySatisfy(p -> assertThat(p).contains("organizations[1].devices[1].colour: unknown field"))
                .anySatisfy(p -> assertThat(p).contains("line 4: organizations[2].id: organization 'org2' is defined twice"))
                .anySatisfy(p -> assertThat(p).contains("organizations[3].id: 'quickstart' is built in"));
    }

    @Test
    void dotSegmentIdsAndTokensWithControlCharactersAreReportedWithTheirLine() {
        String json = "{\"organizations\":[{\"id\":\"org001\",\n"
                + "\"apiKeys\":[{\"key\":\"a-org001-1234567890\",\"token\":\"apitok1\\u0000\"}],\n"
                + "\"devices\":[\n"
                + "{\"type\":\".\",\"id\":\"d1\",\"token\":\"t\"},\n"
                + "{\"type\":\"sensor\",\"id\":\"..\",\"token\":\"t\"},\n"
                + "{\"type\":\"sensor\",\"id\":\"d3\",\"token\":\"devtok1\\u0000\\u0000\"},\n"
                + "{\"type\":\"sensor\",\"id\":\"v1.2\",\"token\":\"fine\"}]}]}";
        SeedException e = catchSeed(json);
        assertThat(e.getMessage()).contains("test.json");
        assertThat(e.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).isEqualTo("line 2: organizations[0].apiKeys[0].token: contains a control "
                        + "character (\\u0000) at position 8"))
                .anySatisfy(p -> assertThat(p).startsWith("line 4: organizations[0].devices[0].type: '.' is '.', which a "
                        + "URL path resolves away"))
                .anySatisfy(p -> assertThat(p).startsWith("line 5: organizations[0].devices[1].id: '..' is '..'"))
                .anySatisfy(p -> assertThat(p).isEqualTo("line 6: organizations[0].devices[2].token: contains a control "
                        + "character (\\u0000) at position 8"))
                .allSatisfy(p -> assertThat(p).doesNotContain("apitok1").doesNotContain("devtok1"));
    }

    @Test
    void apiKeyMustBelongToItsOrganization() {
        String json = "{\"organizations\":[{\"id\":\"org001\",\"apiKeys\":[{\"key\":\"a-org002-1234567890\",\"token\":\"t\"}]}]}";
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("organizations[0].apiKeys[0].key: 'a-org002-1234567890' must start with 'a-org001-'");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> parse("{\"organizations\":[\n{\"id\": }]}")).isInstanceOf(SeedException.class)
                .hasMessageContaining("test.json").hasMessageContaining("line 2 column").hasMessageContaining("malformed JSON");
    }

    @Test
    void wrongTypesAndMissingPartsAreReported() {
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("must be a JSON object with a field \"organizations\"");
        assertThatThrownBy(() -> parse("{}")).hasMessageContaining("organizations: is missing");
        assertThatThrownBy(() -> parse("{\"organizations\":[{\"id\":7}]}")).hasMessageContaining("organizations[0].id: must be a string, not number");
        assertThatThrownBy(() -> parse("{\"organizations\":[{\"id\":\"o\",\"devices\":{}}]}")).hasMessageContaining("organizations[0].devices: must be an array");
        assertThatThrownBy(() -> SeedParser.parse(Path.of("no/such/seed.json"))).hasMessageContaining("no/such/seed.json")
                .hasMessageContaining("does not exist");
    }

    @Test
    void theConsoleAdministratorTakesAHashOrAPasswordAndProblemsNameTheFieldAndLine() {
        String hash = new io.cameliotf.emulator.auth.TokenHasher(1).hash("pw");
        Seed hashed = parse("{\"organizations\":[],\n\"console\":{\"admin\":{\"user\":\"root\",\"passwordHash\":\""
                + hash + "\"}}}");
        assertThat(hashed.consoleAdmin().user()).isEqualTo("root");
        assertThat(hashed.consoleAdmin().passwordHash()).isEqualTo(hash);
        Seed plain = parse("{\"organizations\":[],\"console\":{\"admin\":{\"user\":\"root\",\"password\":\"pw\"}}}");
        assertThat(plain.consoleAdmin().password()).isEqualTo("pw");
        assertThat(plain.consoleAdmin().toString()).doesNotContain("pw");
        assertThat(parse("{\"organizations\":[]}").consoleAdmin()).isNull();

        SeedException e = catchSeed("{\"organizations\":[],\n\"console\":{\"admin\":{\n\"user\":\"\",\n"
                + "\"passwordHash\":\"md5$abc\",\n\"colour\":1}}}");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo("line 3: console.admin.user: must not be empty"))
                .anySatisfy(p -> assertThat(p).startsWith("line 4: console.admin.passwordHash: is not of the form "
                        + "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"))
                .anySatisfy(p -> assertThat(p).startsWith("line 5: console.admin.colour: unknown field"));
        assertThat(catchSeed("{\"organizations\":[],\"console\":{\"admin\":{\"user\":\"root\",\"password\":\"pw\","
                + "\"passwordHash\":\"" + hash + "\"}}}").problems())
                .anySatisfy(p -> assertThat(p).contains("console.admin: give either \"passwordHash\"").endsWith("not both"));
        assertThat(catchSeed("{\"organizations\":[],\"console\":{\"admin\":{\"user\":\"root\"}}}").problems())
                .anySatisfy(p -> assertThat(p).contains("console.admin: give either").endsWith("not neither"));
        assertThat(catchSeed("{\"organizations\":[],\"console\":{}}").problems())
                .anySatisfy(p -> assertThat(p).contains("console: the field \"admin\" is missing"));
        assertThat(catchSeed("{\"organizations\":[],\"console\":{\"admin\":{\"password\":\"pw\"}}}").problems())
                .anySatisfy(p -> assertThat(p).contains("console.admin: the field \"user\" is missing"));
    }

    private static Seed parse(String json) {
        return SeedParser.parse("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static SeedException catchSeed(String json) {
        try {
            parse(json);
        } catch (SeedException e) {
            return e;
        }
        throw new AssertionError("no SeedException");
    }
}
