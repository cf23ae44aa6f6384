CREATE TABLE `crisis_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`client_id` text NOT NULL,
	`message_id` text,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`level` integer DEFAULT 0 NOT NULL,
	`next_escalation_at` integer,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`slack_channel` text,
	`slack_ts` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `crisis_alerts_open_idx` ON `crisis_alerts` (`acknowledged_at`,`next_escalation_at`);--> statement-breakpoint
CREATE INDEX `crisis_alerts_client_idx` ON `crisis_alerts` (`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`client_id` text,
	`staff_id` text,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`offset_key` text NOT NULL,
	`channel` text NOT NULL,
	`due_at` integer NOT NULL,
	`send_at` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`outbox_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_once_uq` ON `reminders` (`agency_id`,`kind`,`subject_id`,`offset_key`,`channel`);--> statement-breakpoint
CREATE INDEX `reminders_client_idx` ON `reminders` (`client_id`);--> statement-breakpoint
ALTER TABLE `staff` ADD `role` text DEFAULT 'caseworker' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `on_call` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `clients` ADD `paused_by` text;