package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionTargetTest {
    @Test
    void passwordNeverAppearsInPrintableForms() {
        ConnectionTarget target = new ConnectionTarget(
                "jdbc:postgresql://db:5432/crm?ssl=true&password=s3cret&x=1", "crm", "other-s3cret");

        assertThat(target.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/crm?ssl=true&password=***&x=1");
        assertThat(target.toString()).doesNotContain("s3cret");
        assertThat(target.libpqUrl()).isEqualTo("postgresql://crm@db:5432/crm?ssl=true&x=1");
    }

    @Test
    void libpqUrlOfPlainJdbcUrl() {
        assertThat(new ConnectionTarget("jdbc:postgresql://127.0.0.1:54320/postgres", "postgres", null).libpqUrl())
                .isEqualTo("postgresql://postgres@127.0.0.1:54320/postgres");
        assertThat(new ConnectionTarget("jdbc:postgresql://h/db?password=x", null, null).libpqUrl())
                .isEqualTo("postgresql://h/db");
    }

    @Test
    void rejectsUrlsOfOtherDrivers() {
        assertThatThrownBy(() -> new ConnectionTarget("jdbc:mysql://h/db?password=pw", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--jdbc-url must start with jdbc:postgresql://")
                .hasMessageNotContaining("pw&")
                .hasMessageContaining("password=***");
    }
}
