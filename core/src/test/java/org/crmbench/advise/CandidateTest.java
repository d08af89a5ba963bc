package org.crmbench.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a candidate's keys a table access can use: what advise's screen compares. */
class CandidateTest {
    private static final TableName USERS = new TableName("crmbench", "user_list");

    /** The list API's page read: last_name and city filtered, ordered by created then user_id. */
    private static final Access PAGE = new Access(
            USERS,
            List.of("last_name_key", "city_key"),
            List.of(),
            List.of(new Access.SortKey("created", true, ""), new Access.SortKey("user_id", true, "")),
            List.of(),
            List.of(),
            List.of("user_id", "created"),
            List.of());

    @Test
    void equalityKeysInAnyOrderThenTheSortInOrder() {
        assertThat(candidate("city_key", "last_name_key", "created", "user_id").servedKeys(PAGE))
                .containsExactly("city_key", "last_name_key", "created", "user_id");
        // a key the access does not filter on ends what it can use
        assertThat(candidate("last_name_key", "first_name_key", "city_key", "user_id")
                        .servedKeys(PAGE))
                .containsExactly("last_name_key");
        // the sort only in its order
        assertThat(candidate("last_name_key", "city_key", "user_id", "created").servedKeys(PAGE))
                .containsExactly("last_name_key", "city_key");
        assertThat(candidate("tier_key", "last_name_key").servedKeys(PAGE)).isEmpty();
    }

    @Test
    void aRangeKeyIsTheLastOneUsed() {
        Access range = new Access(
                USERS, List.of("tier_key"), List.of("points"), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(candidate("tier_key", "points", "user_id").servedKeys(range)).containsExactly("tier_key", "points");
    }

    @Test
    void anotherTablesAccessUsesNothing() {
        Access other = new Access(
                new TableName("crmbench", "address"),
                List.of("city_key"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        assertThat(candidate("city_key").servedKeys(other)).isEmpty();
    }

    @Test
    void aPatternMatchIsServedByATrigramIndexOnlyAndNamedSo() {
        String text = "(lower((((first_name)::text || ' '::text) || (last_name)::text)))";
        Access search = new Access(
                USERS, List.of(), List.of(), List.of(), List.of(), List.of(text), List.of("user_id"), List.of());
        Candidate trigram = new Candidate(USERS, List.of(text), List.of(), "", Candidate.TRIGRAM);
        Candidate btree = new Candidate(USERS, List.of(text), List.of(), "", "filter");
        assertThat(trigram.leads(search)).isTrue();
        assertThat(trigram.servesFilterOrSort(List.of(search))).isTrue();
        assertThat(btree.leads(search)).isFalse();
        assertThat(btree.servesFilterOrSort(List.of(search))).isFalse();
        assertThat(trigram.definition("search_idx"))
                .isEqualTo("CREATE INDEX search_idx ON crmbench.user_list USING gin (" + text + " gin_trgm_ops)");
        assertThat(trigram.readableName()).isEqualTo("user_list_lower_first_name_last_name_trgm_idx");
        assertThat(trigram.isPrefixOf(new Candidate(USERS, List.of(text, "user_id"), List.of(), "", "filter")))
                .isFalse();
    }

    private static Candidate candidate(String... keys) {
        return new Candidate(USERS, List.of(keys), List.of(), "", "filter+sort");
    }
}
