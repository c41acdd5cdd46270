package org.feedback.reporting;

import org.feedback.report.Report;
import org.feedback.report.ServerFacts;

/** Small reports for the aggregation tests, with the keys MariaDB's feedback plugin sends. */
final class Reports {

    private Reports() {
    }

    /** Returns a builder of a full report of server {@code uid} running {@code version}. */
    static Report.Builder full(String uid, String version, String versionComment) {
        return Report.builder()
                .add("FEEDBACK_SERVER_UID", uid)
                .add("VERSION", version)
                .add("VERSION_COMMENT", versionComment)
                .add("Uname_sysname", "Linux")
                .add("Uname_release", "6.1.0-18-amd64")
                .add("Uname_machine", "x86_64")
                .add("Uname_distribution", "os-release: Debian GNU/Linux 12 (bookworm)")
                .add("Cpu_count", "4")
                .add("Mem_total", "16663322624");
    }

    static ServerFacts mariadb(String uid, String version) {
        return ServerFacts.from(full(uid, version + "-MariaDB", "mariadb.org binary distribution").build());
    }

    static ServerFacts mysql(String uid, String version) {
        return ServerFacts.from(full(uid, version, "MySQL Community Server - GPL").build());
    }

    static ServerFacts percona(String uid, String version) {
        return ServerFacts.from(full(uid, version + "-25", "Percona Server (GPL), Release 25").build());
    }

    static ServerFacts startupNotice(String uid) {
        return ServerFacts.from(Report.builder().add("FEEDBACK_SERVER_UID", uid).add("FEEDBACK_WHEN", "startup")
                .add("FEEDBACK_USER_INFO", "").build());
    }
}
