ALTER TABLE `staff` ADD `slack_channel` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `slack_channel` text;