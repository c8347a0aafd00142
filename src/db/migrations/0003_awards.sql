CREATE TABLE "award_batch_rows" (
	"batch_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"data" jsonb NOT NULL,
	"award_id" uuid,
	"error" text,
	CONSTRAINT "award_batch_rows_batch_id_row_pk" PRIMARY KEY("batch_id","row")
);
--> statement-breakpoint
CREATE TABLE "award_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"issued" integer NOT NULL,
	"failed" integer NOT NULL,
	"notify" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"achievement_version" integer NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_name" text,
	"credential_id" text NOT NULL,
	"batch_id" uuid,
	"idempotency_key" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"replaces_award_id" uuid,
	"claim_token_hash" text,
	"claimed_at" timestamp with time zone,
	"notify" boolean NOT NULL,
	"created_by" uuid,
	"reminder_sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "award_batch_rows" ADD CONSTRAINT "award_batch_rows_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_credential_id_issued_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."issued_credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_batches_org_idx" ON "award_batches" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_idempotency_idx" ON "awards" USING btree ("achievement_id","achievement_version","recipient","idempotency_key");--> statement-breakpoint
CREATE INDEX "awards_org_idx" ON "awards" USING btree ("organization_id","issued_at");--> statement-breakpoint
CREATE INDEX "awards_batch_idx" ON "awards" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "awards_credential_idx" ON "awards" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "awards_valid_until_idx" ON "awards" USING btree ("valid_until");