-- Errands (app_errand) and the inbox (app_inbox) of the errand API. Naming scheme: see db/README.md.
--
-- An errand is one sentence a person said and the process started for it. What the job workers learned along the
-- way (results, the options offered at a confirm, business errors) is kept here as JSON, because the engine deletes
-- an instance's runtime variables when it ends.

CREATE TABLE app_errand (
    id                    VARCHAR(36)   NOT NULL,
    owner                 VARCHAR(100)  NOT NULL,
    text                  VARCHAR(2000) NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    process_id            VARCHAR(100),
    process_instance_key  BIGINT,
    template_key          VARCHAR(100),
    current_step          VARCHAR(100),
    plan_json             LONGTEXT      NOT NULL,
    results_json          LONGTEXT,
    options_json          LONGTEXT,
    error_code            VARCHAR(64),
    error_message         VARCHAR(2000),
    created_at            TIMESTAMP(3)  NOT NULL,
    updated_at            TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_app_errand PRIMARY KEY (id),
    CONSTRAINT uq_app_errand_process_instance_key UNIQUE (process_instance_key)
);

CREATE INDEX idx_app_errand_owner_created ON app_errand (owner, created_at);

CREATE TABLE app_inbox (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    message_key           VARCHAR(191)  NOT NULL,
    owner                 VARCHAR(100)  NOT NULL,
    errand_id             VARCHAR(36),
    process_instance_key  BIGINT,
    kind                  VARCHAR(16)   NOT NULL,
    text                  VARCHAR(2000) NOT NULL,
    created_at            TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_app_inbox PRIMARY KEY (id),
    CONSTRAINT uq_app_inbox_message_key UNIQUE (message_key)
);

CREATE INDEX idx_app_inbox_owner_created ON app_inbox (owner, created_at);
