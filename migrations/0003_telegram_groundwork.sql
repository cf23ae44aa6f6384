CREATE TABLE `channel_deliveries` (
	`idempotency_key` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`external_id` text,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `telegram_links` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`client_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `telegram_links_client_idx` ON `telegram_links` (`client_id`);