-- The latest approval of each period, which donors' figures follow: the review of an approved
-- period, or the approval recorded with the figures of a period reopened since.
UPDATE `project_periods` SET `approved_at` = coalesce(`reviewed_at`, `updated_at`), `approved_by` = `reviewed_by` WHERE `status` = 'approved';--> statement-breakpoint
UPDATE `project_periods`
SET
  `approved_at` = (SELECT max(v.`approved_at`) FROM `approved_values` v WHERE v.`project_id` = `project_periods`.`project_id` AND v.`period` = `project_periods`.`period`),
  `approved_by` = (SELECT v.`approved_by` FROM `approved_values` v WHERE v.`project_id` = `project_periods`.`project_id` AND v.`period` = `project_periods`.`period` ORDER BY v.`approved_at` DESC LIMIT 1)
WHERE `status` <> 'approved' AND EXISTS (SELECT 1 FROM `approved_values` v WHERE v.`project_id` = `project_periods`.`project_id` AND v.`period` = `project_periods`.`period`);
