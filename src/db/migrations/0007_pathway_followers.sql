CREATE TABLE "pathway_followers" (
	"pathway_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"followed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pathway_followers_pathway_id_user_id_pk" PRIMARY KEY("pathway_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "pathway_followers" ADD CONSTRAINT "pathway_followers_pathway_id_achievements_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_followers" ADD CONSTRAINT "pathway_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;