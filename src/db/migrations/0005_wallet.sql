CREATE TABLE "learner_keys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"did" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"sealed_secret_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learner_keys_did_unique" UNIQUE("did")
);
--> statement-breakpoint
CREATE TABLE "learner_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"handle" text NOT NULL,
	"headline" text,
	"enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learner_profiles_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "user_emails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "user_emails_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "wallet_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"award_id" uuid,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"document" jsonb,
	"display" jsonb NOT NULL,
	"import_checks" jsonb,
	"subject_matches" boolean,
	"hidden" boolean DEFAULT false NOT NULL,
	"collection" text,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_shares" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "learner_keys" ADD CONSTRAINT "learner_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_profiles" ADD CONSTRAINT "learner_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_emails" ADD CONSTRAINT "user_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_items" ADD CONSTRAINT "wallet_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_items" ADD CONSTRAINT "wallet_items_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_shares" ADD CONSTRAINT "wallet_shares_item_id_wallet_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."wallet_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_emails_user_idx" ON "user_emails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "wallet_items_user_idx" ON "wallet_items" USING btree ("user_id","added_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_items_award_idx" ON "wallet_items" USING btree ("user_id","award_id");--> statement-breakpoint
CREATE INDEX "wallet_shares_item_idx" ON "wallet_shares" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "awards_recipient_idx" ON "awards" USING btree ("recipient");