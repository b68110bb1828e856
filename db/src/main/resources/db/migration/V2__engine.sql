-- Engine areas: definitions (eng_def_), runtime (eng_run_) and history (eng_hist_).
-- Naming scheme: see db/README.md. Times are epoch milliseconds (BIGINT) because the engine runs on its own clock
-- (movable in tests) and compares deadlines numerically; keys are Zeebe-style 64-bit keys (partition id in the high
-- bits) handed out by eng_run_key_block.

-- Key generator: one row per partition; an engine node reserves a block of keys in one short transaction, so
-- several nodes on one database never hand out the same key.
CREATE TABLE eng_run_key_block (
    partition_id  INT    NOT NULL,
    next_key      BIGINT NOT NULL,
    CONSTRAINT pk_eng_run_key_block PRIMARY KEY (partition_id)
);

INSERT INTO eng_run_key_block (partition_id, next_key) VALUES (1, 2251799813685249);

CREATE TABLE eng_def_deployment (
    deployment_key  BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    CONSTRAINT pk_eng_def_deployment PRIMARY KEY (deployment_key)
);

CREATE TABLE eng_def_process (
    process_definition_key  BIGINT       NOT NULL,
    bpmn_process_id         VARCHAR(255) NOT NULL,
    version                 INT          NOT NULL,
    resource_name           VARCHAR(255) NOT NULL,
    checksum                VARCHAR(64)  NOT NULL,
    resource                LONGBLOB     NOT NULL,
    deployment_key          BIGINT       NOT NULL,
    created_at              BIGINT       NOT NULL,
    CONSTRAINT pk_eng_def_process PRIMARY KEY (process_definition_key),
    CONSTRAINT uq_eng_def_process_id_version UNIQUE (bpmn_process_id, version),
    CONSTRAINT fk_eng_def_process_deployment FOREIGN KEY (deployment_key) REFERENCES eng_def_deployment (deployment_key)
);

-- Process instances stay here after they end (state COMPLETED or TERMINATED) so the console can list them;
-- their element instances, variables, jobs and incidents leave the runtime tables when they end.
CREATE TABLE eng_run_process_instance (
    process_instance_key    BIGINT       NOT NULL,
    process_definition_key  BIGINT       NOT NULL,
    bpmn_process_id         VARCHAR(255) NOT NULL,
    version                 INT          NOT NULL,
    state                   VARCHAR(16)  NOT NULL,
    start_time              BIGINT       NOT NULL,
    end_time                BIGINT,
    CONSTRAINT pk_eng_run_process_instance PRIMARY KEY (process_instance_key),
    CONSTRAINT fk_eng_run_process_instance_process FOREIGN KEY (process_definition_key)
        REFERENCES eng_def_process (process_definition_key)
);

CREATE INDEX idx_eng_run_process_instance_state ON eng_run_process_instance (state, bpmn_process_id);

-- Active element instances (the scope tree: flow_scope_key points at the enclosing subprocess or the process
-- instance). taken_flows holds the sequence flows waiting at parallel joins inside this scope.
CREATE TABLE eng_run_element_instance (
    element_instance_key  BIGINT       NOT NULL,
    process_instance_key  BIGINT       NOT NULL,
    flow_scope_key        BIGINT,
    element_id            VARCHAR(255) NOT NULL,
    element_type          VARCHAR(32)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    taken_flows           VARCHAR(4000),
    start_time            BIGINT       NOT NULL,
    CONSTRAINT pk_eng_run_element_instance PRIMARY KEY (element_instance_key)
);

CREATE INDEX idx_eng_run_element_instance_pi ON eng_run_element_instance (process_instance_key);
CREATE INDEX idx_eng_run_element_instance_element ON eng_run_element_instance (element_id, state);

-- Variables per scope (an element instance key or the process instance key); values are JSON documents as UTF-8
-- bytes (LONGBLOB: H2 in MySQL mode reads LONGTEXT as VARCHAR, and values go up to 4 MB). Messages and details are
-- cut to 4000 characters by the engine.
CREATE TABLE eng_run_variable (
    scope_key             BIGINT       NOT NULL,
    name                  VARCHAR(255) NOT NULL,
    process_instance_key  BIGINT       NOT NULL,
    variable_value        LONGBLOB     NOT NULL,
    CONSTRAINT pk_eng_run_variable PRIMARY KEY (scope_key, name)
);

CREATE INDEX idx_eng_run_variable_pi ON eng_run_variable (process_instance_key);
CREATE INDEX idx_eng_run_variable_name ON eng_run_variable (name);

-- Jobs: state is ACTIVATABLE, ACTIVATED or FAILED; a job leaves the table when it completes, throws an error that
-- is caught or is canceled. deadline is when an activation times out, retry_at when a back-off ends.
CREATE TABLE eng_run_job (
    job_key                 BIGINT        NOT NULL,
    job_type                VARCHAR(255)  NOT NULL,
    state                   VARCHAR(16)   NOT NULL,
    process_instance_key    BIGINT        NOT NULL,
    element_instance_key    BIGINT        NOT NULL,
    element_id              VARCHAR(255)  NOT NULL,
    bpmn_process_id         VARCHAR(255)  NOT NULL,
    process_definition_key  BIGINT        NOT NULL,
    version                 INT           NOT NULL,
    retries                 INT           NOT NULL,
    worker                  VARCHAR(255),
    deadline                BIGINT,
    retry_at                BIGINT,
    error_message           VARCHAR(4000),
    custom_headers          VARCHAR(4000) NOT NULL,
    created_at              BIGINT        NOT NULL,
    CONSTRAINT pk_eng_run_job PRIMARY KEY (job_key)
);

CREATE INDEX idx_eng_run_job_type_state ON eng_run_job (job_type, state, job_key);
CREATE INDEX idx_eng_run_job_state_deadline ON eng_run_job (state, deadline);
CREATE INDEX idx_eng_run_job_state_retry_at ON eng_run_job (state, retry_at);
CREATE INDEX idx_eng_run_job_pi ON eng_run_job (process_instance_key);

-- Open incidents; a resolved incident leaves the table (its history stays in eng_hist_event).
CREATE TABLE eng_run_incident (
    incident_key          BIGINT        NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    element_instance_key  BIGINT        NOT NULL,
    element_id            VARCHAR(255)  NOT NULL,
    bpmn_process_id       VARCHAR(255)  NOT NULL,
    job_key               BIGINT,
    error_type            VARCHAR(64)   NOT NULL,
    error_message         VARCHAR(4000) NOT NULL,
    created_at            BIGINT        NOT NULL,
    CONSTRAINT pk_eng_run_incident PRIMARY KEY (incident_key)
);

CREATE INDEX idx_eng_run_incident_pi ON eng_run_incident (process_instance_key);
CREATE INDEX idx_eng_run_incident_type ON eng_run_incident (error_type);

-- History: one append-only row per state change (entity ELEMENT, JOB, INCIDENT, VARIABLE, PROCESS), with the
-- lifecycle event, the state before and after, when and who (worker, client or the engine itself). Only one index:
-- every row costs an index update on the hot path, and readers look at one instance's history at a time.
CREATE TABLE eng_hist_event (
    event_id              BIGINT        NOT NULL AUTO_INCREMENT,
    event_time            BIGINT        NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    bpmn_process_id       VARCHAR(255),
    entity                VARCHAR(16)   NOT NULL,
    entity_key            BIGINT        NOT NULL,
    element_id            VARCHAR(255),
    element_type          VARCHAR(32),
    event                 VARCHAR(32)   NOT NULL,
    state_before          VARCHAR(16),
    state_after           VARCHAR(16),
    actor                 VARCHAR(255)  NOT NULL,
    detail                VARCHAR(4000),
    CONSTRAINT pk_eng_hist_event PRIMARY KEY (event_id)
);

CREATE INDEX idx_eng_hist_event_pi ON eng_hist_event (process_instance_key, event_id);
