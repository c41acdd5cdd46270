package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportKeysTest {

    @Test
    void perItemKeys_followNamingScheme() {
        assertThat(ReportKeys.engineTablesKey("InnoDB")).isEqualTo("Engine InnoDB tables");
        assertThat(ReportKeys.engineBytesKey("InnoDB")).isEqualTo("Engine InnoDB bytes");
        assertThat(ReportKeys.pluginVersionKey("unix_socket")).isEqualTo("unix_socket version");
        assertThat(ReportKeys.pluginStatusKey("unix_socket")).isEqualTo("unix_socket status");
        assertThat(ReportKeys.pluginTypeKey("InnoDB")).isEqualTo("InnoDB type");
        assertThat(ReportKeys.deltaKey("Innodb_data_read")).isEqualTo("Innodb_data_read delta");
        assertThat(ReportKeys.rateKey("Innodb_data_read")).isEqualTo("Innodb_data_read rate");
        assertThat(ReportKeys.collectorKey("host")).isEqualTo("Collector host");
        assertThat(ReportKeys.databasesSizeBucketKey(6)).isEqualTo("Databases_size_bucket_6");
    }

    @Test
    void databasesSizeBucketKey_negativeExponent_rejected() {
        assertThatThrownBy(() -> ReportKeys.databasesSizeBucketKey(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size bucket exponent must be 0 or more, but was -1");
    }

    @Test
    void itemOf_perItemKeyInAnyCase_returnsItem() {
        assertThat(ReportKeys.engineOfTablesKey("ENGINE InnoDB TABLES")).isEqualTo("InnoDB");
        assertThat(ReportKeys.pluginOfVersionKey("FEEDBACK version")).isEqualTo("FEEDBACK");
    }

    @Test
    void itemOf_otherNames_returnsNull() {
        assertThat(ReportKeys.pluginOfVersionKey("version")).isNull();
        assertThat(ReportKeys.pluginOfVersionKey("Collation used x version")).isNull();
        assertThat(ReportKeys.engineOfTablesKey("Engine  tables")).isNull();
        assertThat(ReportKeys.engineOfBytesKey("Innodb_data_read")).isNull();
    }

    @Test
    void isUserGiven_anyCase_true() {
        assertThat(ReportKeys.isUserGiven("feedback_company")).isTrue();
        assertThat(ReportKeys.isUserGiven("FEEDBACK_SERVER_UID")).isFalse();
    }
}
