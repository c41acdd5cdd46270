package org.feedback.agent;

import picocli.CommandLine.Option;

/** Options that add information the administrator chooses to share. */
final class ReportOptions {

    @Option(names = "--user-info", defaultValue = "",
            description = "Free text sent as FEEDBACK_USER_INFO, for example a team or ticket name (default: empty).")
    String userInfo;
}
