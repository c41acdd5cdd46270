package org.feedback.agent.collect;

import java.util.Objects;

/**
 * Facts the administrator chooses to share. Each is sent only when not empty, except the user info, which
 * every report carries as MariaDB's plugin does.
 *
 * @param userInfo    free text for {@code FEEDBACK_USER_INFO}
 * @param company     company name for {@code FEEDBACK_COMPANY}
 * @param location    geographic location for {@code FEEDBACK_LOCATION}
 * @param contractId  support contract id for {@code FEEDBACK_CONTRACT_ID}
 */
public record UserFacts(String userInfo, String company, String location, String contractId) {

    /** Nothing shared. */
    public static final UserFacts NONE = new UserFacts("", "", "", "");

    public UserFacts {
        Objects.requireNonNull(userInfo, "userInfo");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contractId, "contractId");
    }

    /** Only the free text of {@code FEEDBACK_USER_INFO}. */
    public static UserFacts userInfo(String userInfo) {
        return new UserFacts(userInfo, "", "", "");
    }
}
