CREATE TABLE "talent_skill_names" (
	"skill_key" text NOT NULL,
	"skill_name" text NOT NULL,
	CONSTRAINT "talent_skill_names_skill_key_skill_name_pk" PRIMARY KEY("skill_key","skill_name")
);
--> statement-breakpoint
DROP INDEX "talent_skills_name_idx";--> statement-breakpoint
ALTER TABLE "talent_skills" ADD COLUMN "searchable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "talent_skills" ts SET "searchable" = true FROM "talent_profiles" p WHERE p."user_id" = ts."user_id" AND p."consented_at" IS NOT NULL;--> statement-breakpoint
INSERT INTO "talent_skill_names" ("skill_key", "skill_name") SELECT DISTINCT "skill_key", "skill_name" FROM "talent_skills";--> statement-breakpoint
CREATE INDEX "talent_skill_names_name_idx" ON "talent_skill_names" USING gin (to_tsvector('simple', "skill_name"));--> statement-breakpoint
CREATE INDEX "talent_skills_search_idx" ON "talent_skills" USING btree ("skill_key","skill_name","user_id","wallet_item_id","issued_at","valid_until","award_id") WHERE searchable;