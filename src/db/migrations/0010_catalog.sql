CREATE TABLE "catalog_entries" (
	"achievement_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"outcomes" text[] NOT NULL,
	"skills" text[] NOT NULL,
	"industry" text,
	"eqf_level" integer,
	"cost" double precision,
	"currency" text,
	"duration_weeks" integer,
	"hours_per_week" double precision,
	"delivery" text,
	"pacing" text,
	"language" text,
	"ects" double precision,
	"assessment_type" text,
	"published_at" timestamp with time zone NOT NULL,
	"earned" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_search_idx" ON "catalog_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "catalog_skills_idx" ON "catalog_entries" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "catalog_org_idx" ON "catalog_entries" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "catalog_industry_idx" ON "catalog_entries" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "catalog_level_idx" ON "catalog_entries" USING btree ("eqf_level");--> statement-breakpoint
CREATE INDEX "catalog_cost_idx" ON "catalog_entries" USING btree ("cost");--> statement-breakpoint
CREATE INDEX "catalog_duration_idx" ON "catalog_entries" USING btree ("duration_weeks");--> statement-breakpoint
CREATE INDEX "catalog_hours_idx" ON "catalog_entries" USING btree ("hours_per_week");--> statement-breakpoint
CREATE INDEX "catalog_delivery_idx" ON "catalog_entries" USING btree ("delivery","pacing");--> statement-breakpoint
CREATE INDEX "catalog_language_idx" ON "catalog_entries" USING btree ("language");--> statement-breakpoint
CREATE INDEX "catalog_published_idx" ON "catalog_entries" USING btree ("published_at" DESC NULLS LAST,"achievement_id");--> statement-breakpoint
CREATE INDEX "catalog_earned_idx" ON "catalog_entries" USING btree ("earned" DESC NULLS LAST);