package dev.strongroom.server.audit;

/**
 * One audit record before it is chained: when, who, what, on which object, with which result. It
 * holds metadata only (ids, counts, outcome codes), never secrets or ciphertext. {@code detail} is
 * a short machine-written note such as {@code revision=4} or {@code rate_limited}.
 */
public record AuditEvent(
        long at,
        Actor actor,
        String action,
        String teamId,
        String targetKind,
        String targetId,
        String result,
        String detail) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String DENIED = "denied";

    /** Starts an event of this action by this actor, now. */
    public static Builder of(String action, Actor actor) {
        return new Builder(action, actor);
    }

    /** Fluent construction; results default to success. */
    public static final class Builder {
        private final String action;
        private final Actor actor;
        private String teamId;
        private String targetKind;
        private String targetId;
        private String result = SUCCESS;
        private String detail;

        private Builder(String action, Actor actor) {
            this.action = action;
            this.actor = actor;
        }

        public Builder team(String teamId) {
            this.teamId = teamId;
            return this;
        }

        public Builder target(String kind, String id) {
            this.targetKind = kind;
            this.targetId = id;
            return this;
        }

        public Builder failure(String detail) {
            this.result = FAILURE;
            this.detail = detail;
            return this;
        }

        public Builder denied(String detail) {
            this.result = DENIED;
            this.detail = detail;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    System.currentTimeMillis(),
                    actor,
                    action,
                    teamId,
                    targetKind,
                    targetId,
                    result,
                    detail);
        }
    }
}
