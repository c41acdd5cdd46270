package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
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
    @ValueSource(strings = {"Binlog_snapshot_file", "WSREP_INCOMING_ADDRESSES", "Rsa_public_key", "Mysqlx_socket",
            "Mysqlx_address", "Current_tls_key", "Current_tls_capath", "Ssl_server_not_after", "wsrep_evs_delayed",
            "wsrep_local_state_uuid", "group_replication_primary_member", "Caching_sha2_password_rsa_public_key"})
    void denyRuleFor_statusLeaks_found(String name) {
        assertThat(rules.denyRuleFor(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Handler_read_key", "Max_used_connections", "performance_schema_hosts_size", "Uptime",
            "Connection_errors_peer_address", "COM_SHOW_PROFILE", "secure_auth", "old_passwords", "unix_socket version",
            "Com_create_user", "Ssl_callback_cache_hits", "Performance_schema_socket_instances_lost",
            "Com_set_password", "Performance_schema_hosts_lost", "validate_password_length", "Ssl_cipher_list",
            "key_buffer_size", "Key_reads", "Feature_json", "wsrep_on", "wsrep_cluster_size", "Ssl_version",
            "Current_tls_version", "Innodb_buffer_pool_load_status", "Max_used_connections_time"})
    void denyRuleFor_harmlessCounters_notFound(String name) {
        assertThat(rules.denyRuleFor(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsrep_allowlist", "group_replication_group_seeds", "group_replication_ip_allowlist",
            "group_replication_ip_whitelist", "group_replication_group_name", "ndb_connectstring",
            "aws_key_management_master_key_id", "hashicorp_key_management_token", "authentication_ldap_sasl_bind_root_dn",
            "report_password", "server_audit_incl_users", "wsrep_sst_auth", "caching_sha2_password_private_key_path"})
    void isVariableAllowed_clusterKeyAndCredentialSettings_denied(String name) {
        assertThat(rules.denyRuleFor(name)).isPresent();
        assertThat(rules.isVariableAllowed(name)).isFalse();
    }

    /**
     * The variable patterns of MariaDB's feedback plugin 1.1 (vars_filter in plugin/feedback/feedback.cc), with
     * every % replaced by "x": each must be allowlisted, so that the agent sends at least what the plugin sends.
     */
    @ParameterizedTest
    @ValueSource(strings = {"auto_increment%", "binlog_format", "character_set_%", "collation%",
            "engine_condition_pushdown", "event_scheduler", "feedback_%", "ft_m%", "have_%", "%_size", "innodb_f%",
            "%_length%", "%_timeout", "large_%", "lc_time_names", "log", "log_bin", "log_output", "log_slow_queries",
            "log_slow_time", "lower_case%", "max_allowed_packet", "max_connections", "max_prepared_stmt_count",
            "max_sp_recursion_depth", "max_user_connections", "max_write_lock_count", "myisam_recover_options",
            "myisam_repair_threads", "myisam_stats_method", "myisam_use_mmap", "net_%", "new", "old%", "optimizer%",
            "profiling", "query_cache%", "secure_auth", "slow_launch_time", "sql%", "storage_engine", "sync_binlog",
            "table_definition_cache", "table_open_cache", "thread_handling", "time_zone", "timed_mutexes", "version%"})
    void isAllowlisted_pluginVariablePatterns_allowed(String pluginPattern) {
        assertThat(rules.isAllowlisted(pluginPattern.replace("%", "x"))).isTrue();
    }

    @Test
    void denyRuleFor_fixtureVariablesOfPluginList_deniesOnlyUrlProxyAndTableNames() throws Exception {
        Set<String> denied = new TreeSet<>();
        for (Report.Entry entry : Fixtures.parse(Fixtures.MARIADB_10_11).entries()) {
            if (rules.isAllowlisted(entry.name()) && rules.denyRuleFor(entry.name()).isPresent()) {
                denied.add(entry.name());
            }
        }

        // The full-text settings name a database/table when set; in this fixture they are empty.
        assertThat(denied).containsExactly("FEEDBACK_HTTP_PROXY", "FEEDBACK_URL", "INNODB_FT_AUX_TABLE",
                "INNODB_FT_SERVER_STOPWORD_TABLE", "INNODB_FT_USER_STOPWORD_TABLE");
    }

    @Test
    void denyRules_everyLine_hasActionPatternAndReason() {
        for (String name : new String[] {"datadir", "feedback_http_proxy", "wsrep_allowlist", "Rsa_public_key"}) {
            PrivacyRules.DenyRule rule = rules.denyRuleFor(name).orElseThrow();
            assertThat(rule.pattern()).as(name).isNotBlank();
            assertThat(rule.reason()).as(name).isNotBlank();
        }
    }
}
