-- Planning (plan_) area: the BPMN templates common errands use, with their versions, and
-- the conversation memory of the planner (a table whose name and columns Spring AI fixes).
-- Naming scheme: see db/README.md.

-- A template: one errand shape ("trip_with_budget"), whatever its versions.
-- template_key and not "key": KEY is reserved in MySQL.
CREATE TABLE plan_template (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    template_key  VARCHAR(64)   NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    description   VARCHAR(2000),
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_plan_template PRIMARY KEY (id),
    CONSTRAINT uq_plan_template_template_key UNIQUE (template_key)
);

-- One version of a template: the BPMN, its declared parameters (JSON), a SHA-256 of the
-- BPMN, and whether it is a draft or published. Versions count from 1 per template.
CREATE TABLE plan_template_version (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    template_id   BIGINT        NOT NULL,
    version       INT           NOT NULL,
    bpmn          LONGTEXT      NOT NULL,
    descriptor    LONGTEXT,
    checksum      VARCHAR(64)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    published_at  TIMESTAMP(3),
    CONSTRAINT pk_plan_template_version PRIMARY KEY (id),
    CONSTRAINT uq_plan_template_version_template_version UNIQUE (template_id, version),
    CONSTRAINT fk_plan_template_version_template FOREIGN KEY (template_id) REFERENCES plan_template (id)
        ON DELETE CASCADE
);

CREATE INDEX idx_plan_template_version_template_status ON plan_template_version (template_id, status);

-- Spring AI's JDBC chat memory (JdbcChatMemoryRepository). Its columns are the library's;
-- the table is created here and Spring AI's own schema initialisation is turned off.
-- conversation_id is wider than the library's 36 characters: it holds a user name.
-- The timestamp has a default so that MariaDB does not add ON UPDATE to it.
CREATE TABLE spring_ai_chat_memory (
    conversation_id  VARCHAR(128)  NOT NULL,
    content          LONGTEXT      NOT NULL,
    type             VARCHAR(10)   NOT NULL,
    timestamp        TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE INDEX idx_spring_ai_chat_memory_conversation_id ON spring_ai_chat_memory (conversation_id, timestamp);
