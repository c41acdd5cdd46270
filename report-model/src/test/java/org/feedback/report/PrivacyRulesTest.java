package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyRulesTest {

    private final PrivacyRules rules = PrivacyRules.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"version", "VERSION_COMMENT", "innodb_buffer_pool_size", "binlog_format",
            "character_set_server", "collation_server", "have_ssl", "max_connections", "sql_mode",
            "query_cache_type", "optimizer_switch", "auto_increment_increment", "wait_timeout"})
    void isVariableAllowed_pluginVariables_allowed(String name) {
        assertThat(rules.isVariableAllowed(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"datadir", "tmpdir", "plugin_dir", "pid_file", "general_log_file",
            "innodb_data_file_path", "hostname", "socket", "log_error", "feedback_url", "FEEDBACK_HTTP_PROXY",
            "secure_file_priv", "report_host", "bind_address", "wsrep_cluster_address", "ssl_key",
            "character_sets_dir", "innodb_data_home_dir"})
    void isVariableAllowed_pathsHostsAndAddresses_denied(String name) {
        assertThat(rules.isVariableAllowed(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server_id", "gtid_slave_pos", "system_time_zone", "init_connect"})
    void isVariableAllowed_notAllowlisted_denied(String name) {
        assertThat(rules.isVariableAllowed(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Binlog_snapshot_file", "WSREP_INCOMING_ADDRESSES", "Rsa_public_key", "Mysqlx_socket"})
    void denyRuleFor_statusLeaks_found(String name) {
        assertThat(rules.denyRuleFor(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Handler_read_key", "Max_used_connections", "performance_schema_hosts_size", "Uptime",
            "Connection_errors_peer_address", "COM_SHOW_PROFILE", "secure_auth", "old_passwords", "unix_socket version",
            "Com_create_user", "Ssl_callback_cache_hits", "Performance_schema_socket_instances_lost"})
    void denyRuleFor_harmlessCounters_notFound(String name) {
        assertThat(rules.denyRuleFor(name)).isEmpty();
    }
}
