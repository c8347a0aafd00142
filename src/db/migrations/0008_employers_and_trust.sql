CREATE TABLE "accreditations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accreditor_id" uuid NOT NULL,
	"issuer_id" uuid NOT NULL,
	"achievement_id" uuid,
	"criteria" jsonb NOT NULL,
	"comment" text NOT NULL,
	"credential_id" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"achievement_id" uuid,
	"credential_id" text NOT NULL,
	"channel" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_profile_skills" (
	"role_profile_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"skill_name" text NOT NULL,
	"skill_code" text,
	"framework" text,
	"min_level" integer,
	"position" integer NOT NULL,
	CONSTRAINT "role_profile_skills_role_profile_id_skill_key_pk" PRIMARY KEY("role_profile_id","skill_key")
);
--> statement-breakpoint
CREATE TABLE "role_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsorships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"skill_key" text,
	"note" text,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talent_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"sender_id" uuid,
	"learner_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"reply" text,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"headline" text,
	"location" text,
	"consented_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_skills" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"wallet_item_id" uuid NOT NULL,
	"award_id" uuid,
	"skill_key" text NOT NULL,
	"skill_name" text NOT NULL,
	"skill_code" text,
	"framework" text,
	"achievement_ref" text,
	"achievement_name" text NOT NULL,
	"issuer_did" text,
	"issuer_name" text,
	"eqf_level" integer,
	"issued_at" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"evidence" text
);
--> statement-breakpoint
CREATE TABLE "workforce_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role_profile_id" uuid,
	"token_hash" text NOT NULL,
	"user_id" uuid,
	"invited_at" timestamp with time zone NOT NULL,
	"consented_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "workforce_members_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "accreditor_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_accreditor_id_organizations_id_fk" FOREIGN KEY ("accreditor_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_issuer_id_organizations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_credential_id_issued_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."issued_credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_events" ADD CONSTRAINT "verification_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profile_skills" ADD CONSTRAINT "role_profile_skills_role_profile_id_role_profiles_id_fk" FOREIGN KEY ("role_profile_id") REFERENCES "public"."role_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD CONSTRAINT "role_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_learner_id_users_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_skills" ADD CONSTRAINT "talent_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_skills" ADD CONSTRAINT "talent_skills_wallet_item_id_wallet_items_id_fk" FOREIGN KEY ("wallet_item_id") REFERENCES "public"."wallet_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_skills" ADD CONSTRAINT "talent_skills_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_role_profile_id_role_profiles_id_fk" FOREIGN KEY ("role_profile_id") REFERENCES "public"."role_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accreditations_issuer_idx" ON "accreditations" USING btree ("issuer_id","valid_until");--> statement-breakpoint
CREATE INDEX "accreditations_accreditor_idx" ON "accreditations" USING btree ("accreditor_id","created_at");--> statement-breakpoint
CREATE INDEX "verification_events_org_idx" ON "verification_events" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "role_profiles_org_idx" ON "role_profiles" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sponsorships_member_idx" ON "sponsorships" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsorships_open_idx" ON "sponsorships" USING btree ("member_id","achievement_id") WHERE status IN ('offered', 'accepted');--> statement-breakpoint
CREATE INDEX "talent_contacts_learner_idx" ON "talent_contacts" USING btree ("learner_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_contacts_org_idx" ON "talent_contacts" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_skills_key_idx" ON "talent_skills" USING btree ("skill_key","user_id");--> statement-breakpoint
CREATE INDEX "talent_skills_user_idx" ON "talent_skills" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "talent_skills_item_idx" ON "talent_skills" USING btree ("wallet_item_id");--> statement-breakpoint
CREATE INDEX "talent_skills_name_idx" ON "talent_skills" USING gin (to_tsvector('simple', "skill_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_members_email_idx" ON "workforce_members" USING btree ("organization_id","email");--> statement-breakpoint
CREATE INDEX "workforce_members_user_idx" ON "workforce_members" USING btree ("user_id");