-- Platform (app_) area: what people did to journeys from the console (retry, edit variables, cancel, bulk runs).
-- Naming scheme: see db/README.md. One append-only row per action and target; created_at is epoch milliseconds, as
-- in the engine's history, so the console can show both on one time line.
CREATE TABLE app_audit_log (
    audit_id     BIGINT        NOT NULL AUTO_INCREMENT,
    created_at   BIGINT        NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    target_type  VARCHAR(32)   NOT NULL,
    target_key   BIGINT        NOT NULL,
    detail       VARCHAR(4000),
    outcome      VARCHAR(16)   NOT NULL,
    message      VARCHAR(4000),
    CONSTRAINT pk_app_audit_log PRIMARY KEY (audit_id)
);

CREATE INDEX idx_app_audit_log_target ON app_audit_log (target_key, audit_id);
CREATE INDEX idx_app_audit_log_created ON app_audit_log (created_at);
