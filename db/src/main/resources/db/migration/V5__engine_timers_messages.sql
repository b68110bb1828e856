-- Engine II: timers, buffered messages and message subscriptions. Times are epoch milliseconds of the engine clock.

-- Timers: one row per armed timer. A timer of an intermediate catch event or a boundary event belongs to a process
-- instance (element_instance_key is the catch event's or the activity's instance; target_element_id the event that
-- fires); a timer start event has no process instance. repetitions counts the firings left (-1 = forever) and
-- interval_ms is the cycle's period; the scheduler claims due rows with SELECT ... FOR UPDATE SKIP LOCKED.
CREATE TABLE eng_run_timer (
    timer_key               BIGINT        NOT NULL,
    process_instance_key    BIGINT,
    element_instance_key    BIGINT,
    process_definition_key  BIGINT        NOT NULL,
    target_element_id       VARCHAR(255)  NOT NULL,
    due_at                  BIGINT        NOT NULL,
    repetitions             INT           NOT NULL,
    interval_ms             BIGINT,
    CONSTRAINT pk_eng_run_timer PRIMARY KEY (timer_key)
);

CREATE INDEX idx_eng_run_timer_due_at ON eng_run_timer (due_at);
CREATE INDEX idx_eng_run_timer_element ON eng_run_timer (element_instance_key);
CREATE INDEX idx_eng_run_timer_definition ON eng_run_timer (process_definition_key);

-- Published messages buffered for their time to live; message_id (optional) is unique per name and correlation key
-- while the message is buffered.
CREATE TABLE eng_run_message (
    message_key      BIGINT        NOT NULL,
    message_name     VARCHAR(255)  NOT NULL,
    correlation_key  VARCHAR(255)  NOT NULL,
    message_id       VARCHAR(255),
    variables        LONGBLOB,
    published_at     BIGINT        NOT NULL,
    expires_at       BIGINT        NOT NULL,
    CONSTRAINT pk_eng_run_message PRIMARY KEY (message_key),
    CONSTRAINT uq_eng_run_message_id UNIQUE (message_name, correlation_key, message_id)
);

CREATE INDEX idx_eng_run_message_name_key ON eng_run_message (message_name, correlation_key);
CREATE INDEX idx_eng_run_message_expires_at ON eng_run_message (expires_at);

-- A buffered message correlates at most once per process instance: these rows remember where it went.
CREATE TABLE eng_run_message_correlation (
    message_key           BIGINT  NOT NULL,
    process_instance_key  BIGINT  NOT NULL,
    CONSTRAINT pk_eng_run_message_correlation PRIMARY KEY (message_key, process_instance_key)
);

CREATE INDEX idx_eng_run_message_correlation_pi ON eng_run_message_correlation (process_instance_key);

-- Open message subscriptions of waiting elements (intermediate catch events, receive tasks, boundary events, event-based
-- gateways): element_instance_key is the waiting element's or the activity's instance, target_element_id the event
-- that a message triggers; the correlation key was evaluated when the element was entered. A message start event of
-- the latest version of a process has a row without process instance (correlation_key empty).
CREATE TABLE eng_run_message_subscription (
    subscription_key        BIGINT        NOT NULL,
    process_definition_key  BIGINT        NOT NULL,
    process_instance_key    BIGINT,
    element_instance_key    BIGINT,
    target_element_id     VARCHAR(255)  NOT NULL,
    message_name          VARCHAR(255)  NOT NULL,
    correlation_key       VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_eng_run_message_subscription PRIMARY KEY (subscription_key)
);

CREATE INDEX idx_eng_run_message_subscription_name_key ON eng_run_message_subscription (message_name, correlation_key);
CREATE INDEX idx_eng_run_message_subscription_element ON eng_run_message_subscription (element_instance_key);
CREATE INDEX idx_eng_run_message_subscription_pi ON eng_run_message_subscription (process_instance_key);

-- Process instances a message start event created, by correlation key: while one is active, a message with the same
-- correlation key starts no second instance of that process.
CREATE TABLE eng_run_message_start (
    bpmn_process_id       VARCHAR(255)  NOT NULL,
    correlation_key       VARCHAR(255)  NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    CONSTRAINT pk_eng_run_message_start PRIMARY KEY (bpmn_process_id, correlation_key)
);

CREATE INDEX idx_eng_run_message_start_pi ON eng_run_message_start (process_instance_key);

-- Call activities: the instance a call activity started, and where to return when it completes (or to cancel it
-- when the call activity is terminated).
CREATE TABLE eng_run_call (
    child_process_instance_key   BIGINT  NOT NULL,
    parent_process_instance_key  BIGINT  NOT NULL,
    parent_element_instance_key  BIGINT  NOT NULL,
    CONSTRAINT pk_eng_run_call PRIMARY KEY (child_process_instance_key)
);

CREATE INDEX idx_eng_run_call_parent_element ON eng_run_call (parent_element_instance_key);
