CREATE TABLE "pathway_awards" (
	"award_id" uuid PRIMARY KEY NOT NULL,
	"pathway_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"component_credential_ids" text[] NOT NULL,
	"flagged_at" timestamp with time zone,
	"flag_reason" text
);
--> statement-breakpoint
CREATE TABLE "pathways" (
	"achievement_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"pathway" jsonb NOT NULL,
	"component_ids" text[] NOT NULL,
	"policy" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recognitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"external_achievement_id" text NOT NULL,
	"external_issuer" text,
	"own_achievement_id" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pathway_awards" ADD CONSTRAINT "pathway_awards_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_awards" ADD CONSTRAINT "pathway_awards_pathway_id_achievements_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_own_achievement_id_achievements_id_fk" FOREIGN KEY ("own_achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_awards_learner_idx" ON "pathway_awards" USING btree ("pathway_id","user_id");--> statement-breakpoint
CREATE INDEX "pathway_awards_components_idx" ON "pathway_awards" USING gin ("component_credential_ids");--> statement-breakpoint
CREATE INDEX "pathways_components_idx" ON "pathways" USING gin ("component_ids");--> statement-breakpoint
CREATE INDEX "recognitions_org_idx" ON "recognitions" USING btree ("organization_id");