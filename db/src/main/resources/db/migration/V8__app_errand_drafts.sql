-- Errand drafts for the errand page. Naming scheme: see db/README.md.
--
-- A person sees a plan and its diagram before saying "run it", and what runs must be exactly what they saw: planning
-- again could give another plan. So the planned errand is kept (status 'planned', no process instance yet) with the
-- BPMN it will deploy and the variables it will start with; running it deploys these, it does not plan again.

ALTER TABLE app_errand ADD COLUMN bpmn_xml LONGTEXT;

ALTER TABLE app_errand ADD COLUMN variables_json LONGTEXT;
