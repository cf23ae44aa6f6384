CREATE TABLE `sms_opt_outs` (
	`agency_id` text NOT NULL,
	`phone` text NOT NULL,
	`opted_out_at` integer NOT NULL,
	`source` text NOT NULL,
	`opted_in_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_opt_outs_uq` ON `sms_opt_outs` (`agency_id`,`phone`);--> statement-breakpoint
ALTER TABLE `channel_deliveries` ADD `provider_status` text;--> statement-breakpoint
ALTER TABLE `channel_deliveries` ADD `provider_error` text;--> statement-breakpoint
ALTER TABLE `channel_deliveries` ADD `status_at` integer;--> statement-breakpoint
CREATE INDEX `channel_deliveries_external_idx` ON `channel_deliveries` (`channel`,`external_id`);