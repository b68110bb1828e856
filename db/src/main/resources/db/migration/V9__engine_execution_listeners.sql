-- Execution listeners: a listener is a job of the element it listens to, so a job row says which kind it is.
-- listener_event_type is NULL for the element's own job (kind BPMN_ELEMENT) and START or END for an execution
-- listener's job; listener_index is the listener's position among the element's listeners of that event type, so
-- completing it knows which listener comes next. (V9, not V8: another branch already uses V8.)
ALTER TABLE eng_run_job ADD COLUMN listener_event_type VARCHAR(16);
ALTER TABLE eng_run_job ADD COLUMN listener_index INT;
