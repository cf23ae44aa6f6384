CREATE INDEX `appointments_agency_start_idx` ON `appointments` (`agency_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `class_sessions_agency_start_idx` ON `class_sessions` (`agency_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `document_requests_agency_due_idx` ON `document_requests` (`agency_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `conversations_waiting_idx` ON `conversations` (`agency_id`,`last_inbound_at`);