CREATE TABLE `conversation_states` (
	`agency_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversation_states_uq` ON `conversation_states` (`agency_id`,`channel`,`address`);--> statement-breakpoint
CREATE TABLE `inbox` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`received_at` integer NOT NULL,
	`handled_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_source_uq` ON `inbox` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `inbox_due_idx` ON `inbox` (`status`,`next_attempt_at`);