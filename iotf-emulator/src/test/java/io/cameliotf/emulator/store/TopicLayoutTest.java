package io.cameliotf.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.topics.InternalTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which organization is at the root, and a data directory keeping the layout it was created with. */
class TopicLayoutTest {

    @Test
    void inMemoryTheRequestOrElseTheSeedsFirstOrganizationDecides() {
        assertThat(TopicLayout.resolve(null, "orga01", null).rootOrg()).isEqualTo("orga01");
        assertThat(TopicLayout.resolve("other1", "orga01", null).rootOrg()).isEqualTo("other1");
        assertThat(TopicLayout.resolve("none", "orga01", null)).isSameAs(InternalTopics.ALL_MOUNTED);
        assertThat(TopicLayout.resolve(null, null, null)).isSameAs(InternalTopics.ALL_MOUNTED);
    }

    @Test
    void aNewDataDirectoryRecordsItsLayoutAndKeepsIt(@TempDir Path data) throws Exception {
        assertThat(TopicLayout.resolve(null, "orga01", data).rootOrg()).isEqualTo("orga01");
        assertThat(Files.readString(data.resolve(TopicLayout.FILE))).contains("root-organization=orga01");
        // a seed whose first organization changed does not move the layout of existing sessions
        assertThat(TopicLayout.resolve(null, "orgb02", data).rootOrg()).isEqualTo("orga01");
        assertThat(TopicLayout.resolve("orga01", "orgb02", data).rootOrg()).isEqualTo("orga01");
    }

    @Test
    void askingForAnotherLayoutThanTheDataDirectorysIsRefusedWithTheWayOut(@TempDir Path data) {
        TopicLayout.resolve("orga01", null, data);
        assertThatThrownBy(() -> TopicLayout.resolve("orgb02", null, data))
                .isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("--root-org orgb02")
                .hasMessageContaining("with organization orga01 at the root (" + TopicLayout.FILE + ")")
                .hasMessageContaining("Start it with --root-org orga01 (or without --root-org)")
                .hasMessageContaining("use a new data directory");
        assertThatThrownBy(() -> TopicLayout.resolve("none", null, data)).isInstanceOf(DataDirectoryException.class);
    }

    @Test
    void aDataDirectoryOfAnOlderVersionKeepsEveryOrganizationMounted(@TempDir Path data) throws Exception {
        Files.write(data.resolve(DataDirectory.DATA_FILE), new byte[] {1});
        assertThat(TopicLayout.resolve(null, "orga01", data)).isSameAs(InternalTopics.ALL_MOUNTED);
        assertThat(Files.readString(data.resolve(TopicLayout.FILE))).contains("root-organization=none");
        assertThatThrownBy(() -> TopicLayout.resolve("orga01", null, data))
                .hasMessageContaining("with every organization mounted");
    }

    @Test
    void aDamagedRecordIsNamed(@TempDir Path data) throws Exception {
        Path file = data.resolve(TopicLayout.FILE);
        Files.writeString(file, "root-organization=org/1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TopicLayout.resolve(null, null, data)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'org/1' contains '/'");
        Files.writeString(file, "# nothing\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TopicLayout.resolve(null, null, data)).hasMessageContaining("has no root-organization");
    }

    @Test
    void theBuilderRefusesWhatIsNotAnOrganization() {
        assertThatThrownBy(() -> IotfEmulator.builder().rootOrganization("a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rootOrganization: 'a b' contains ' '; only letters and digits are allowed; give an"
                        + " organization id or 'none'");
    }
}
