package io.cameliotf.emulator.historian;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.store.EventQuery;
import org.junit.jupiter.api.Test;

/** Historian paging sessions belong to the organization that opened them [3.2.2]. */
class HistorianSessionsTest {

    private final HistorianSessions sessions = new HistorianSessions();

    @Test
    void anotherOrganizationNeitherFindsNorEndsASession() {
        String id = sessions.open(query("orgA"), 10, 0);
        assertThat(sessions.find(id, "orgB", 1)).isNull();
        sessions.close(id, "orgB");
        assertThat(sessions.find(id, "orgA", 2)).as("the owner's session goes on").isNotNull();
        sessions.close(id, "orgA");
        assertThat(sessions.find(id, "orgA", 3)).isNull();
    }

    @Test
    void idleSessionsExpire() {
        String id = sessions.open(query("orgA"), 10, 0);
        assertThat(sessions.find(id, "orgA", HistorianSessions.IDLE_MINUTES * 60_000L)).isNotNull();
        assertThat(sessions.find(id, "orgA", 2 * HistorianSessions.IDLE_MINUTES * 60_000L + 1)).isNull();
    }

    @Test
    void anOrganizationOpeningManySessionsPushesOutOnlyItsOwn() {
        String victim = sessions.open(query("orgA"), 10, 0);
        String attackersFirst = sessions.open(query("orgB"), 10, 0);
        for (int i = 0; i < 2 * HistorianSessions.MAX_SESSIONS; i++) {
            sessions.open(query("orgB"), 10, i);
        }
        assertThat(sessions.find(victim, "orgA", 5)).isNotNull();
        assertThat(sessions.find(attackersFirst, "orgB", 5)).isNull();
        assertThat(sessions.size()).isEqualTo(1 + HistorianSessions.MAX_PER_ORG);
    }

    @Test
    void theTotalIsBoundedByTakingFromTheLargest() {
        for (int org = 0; org < HistorianSessions.MAX_SESSIONS / HistorianSessions.MAX_PER_ORG; org++) {
            for (int i = 0; i < HistorianSessions.MAX_PER_ORG; i++) {
                sessions.open(query("org" + org), 10, 0);
            }
        }
        assertThat(sessions.size()).isEqualTo(HistorianSessions.MAX_SESSIONS);
        String small = sessions.open(query("small"), 10, 0);
        assertThat(sessions.size()).isEqualTo(HistorianSessions.MAX_SESSIONS);
        assertThat(sessions.find(small, "small", 1)).isNotNull();
    }

    private static EventQuery query(String org) {
        return new EventQuery(org, null, null, null, null, null);
    }
}
