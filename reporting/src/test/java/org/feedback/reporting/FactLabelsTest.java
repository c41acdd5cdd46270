package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.feedback.report.ServerFacts;
import org.junit.jupiter.api.Test;

class FactLabelsTest {

    private static final String ISOLATION = Dimension.setting("transaction_isolation");

    @Test
    void of_onlyFormerIsolationName_labelsIsolation() {
        // MariaDB 10.11 reports tx_isolation and has no transaction_isolation variable.
        ServerFacts facts = ServerFacts.from(Reports.full("old", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("tx_isolation", "REPEATABLE-READ").build());

        assertThat(labelsOf(facts, ISOLATION)).containsExactly("REPEATABLE-READ");
    }

    @Test
    void of_bothIsolationNames_currentNameWins() {
        ServerFacts facts = ServerFacts.from(Reports.full("both", "8.0.36", "MySQL Community Server - GPL")
                .add("tx_isolation", "REPEATABLE-READ").add("transaction_isolation", "read-committed").build());

        assertThat(labelsOf(facts, ISOLATION)).containsExactly("READ-COMMITTED");
    }

    @Test
    void of_noIsolationName_noLabel() {
        ServerFacts facts = ServerFacts.from(Reports.full("none", "8.0.36", "MySQL Community Server - GPL").build());

        assertThat(labelsOf(facts, ISOLATION)).isEmpty();
    }

    private static List<String> labelsOf(ServerFacts facts, String dimension) {
        return FactLabels.of(facts).stream().filter(label -> label.dimension().equals(dimension))
                .map(FactLabel::label).toList();
    }
}
