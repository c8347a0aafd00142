CREATE TABLE "issued_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"format" text NOT NULL,
	"document" jsonb NOT NULL,
	"status_list_id" uuid,
	"status_index" integer,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_keys" (
	"organization_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_sealed" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "organization_keys_organization_id_key_id_pk" PRIMARY KEY("organization_id","key_id")
);
--> statement-breakpoint
CREATE TABLE "status_list_entries" (
	"status_list_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"credential_id" text NOT NULL,
	CONSTRAINT "status_list_entries_status_list_id_index_pk" PRIMARY KEY("status_list_id","index")
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"length" integer NOT NULL,
	"bits" "bytea" NOT NULL,
	"version" integer NOT NULL,
	"allocated" integer NOT NULL,
	"published" jsonb,
	"published_version" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "credential_format" text DEFAULT 'ldp' NOT NULL;--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_keys" ADD CONSTRAINT "organization_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_list_entries" ADD CONSTRAINT "status_list_entries_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issued_credentials_org_idx" ON "issued_credentials" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_credentials_idempotency_idx" ON "issued_credentials" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "status_list_entries_credential_idx" ON "status_list_entries" USING btree ("credential_id","status_list_id");--> statement-breakpoint
CREATE INDEX "status_lists_org_idx" ON "status_lists" USING btree ("organization_id","purpose");