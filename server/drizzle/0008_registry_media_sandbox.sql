CREATE TYPE "public"."household_status" AS ENUM('registered', 'lifted', 'monitored');--> statement-breakpoint
CREATE TABLE "household_column_mappings" (
	"cooperative_id" bigint PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cooperative_id" bigint NOT NULL,
	"uploaded_by" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"header" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"mapping" jsonb,
	"status" text DEFAULT 'proposed' NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_periods" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cooperative_id" bigint NOT NULL,
	"farmer_id" bigint NOT NULL,
	"registry_no" text,
	"head_name" text DEFAULT '' NOT NULL,
	"status" "household_status" NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"source" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_periods_order" CHECK ("household_periods"."ended_on" is null or "household_periods"."ended_on" >= "household_periods"."started_on")
);
--> statement-breakpoint
CREATE TABLE "registry_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registry_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cooperative_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"action" text NOT NULL,
	"farmer_id" bigint,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rows" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"key" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_records" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_records_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "household_column_mappings" ADD CONSTRAINT "household_column_mappings_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_imports" ADD CONSTRAINT "household_imports_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_imports" ADD CONSTRAINT "household_imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_imports" ADD CONSTRAINT "household_imports_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_periods" ADD CONSTRAINT "household_periods_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_periods" ADD CONSTRAINT "household_periods_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_periods" ADD CONSTRAINT "household_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_audit" ADD CONSTRAINT "registry_audit_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_audit" ADD CONSTRAINT "registry_audit_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_audit" ADD CONSTRAINT "registry_audit_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_imports_key_uq" ON "household_imports" USING btree ("cooperative_id","uploaded_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "household_imports_coop_idx" ON "household_imports" USING btree ("cooperative_id","id");--> statement-breakpoint
CREATE INDEX "household_periods_farmer_idx" ON "household_periods" USING btree ("farmer_id","started_on");--> statement-breakpoint
CREATE INDEX "household_periods_coop_idx" ON "household_periods" USING btree ("cooperative_id","registry_no");--> statement-breakpoint
CREATE UNIQUE INDEX "household_periods_one_open_uq" ON "household_periods" USING btree ("farmer_id") WHERE "household_periods"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "registry_audit_coop_idx" ON "registry_audit" USING btree ("cooperative_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_records_kind_created_idx" ON "sandbox_records" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "jobs_failed_idx" ON "jobs" USING btree ("failed_at") WHERE "jobs"."failed_at" is not null;--> statement-breakpoint
-- Today's yes/no flags become "在册 since the member joined" (China date), so no figure changes silently.
INSERT INTO "household_periods" ("cooperative_id", "farmer_id", "registry_no", "head_name", "status", "started_on", "source")
SELECT "cooperative_id", "id", NULL, '', 'registered', ("created_at" AT TIME ZONE 'Asia/Shanghai')::date, 'migration'
  FROM "farmers" WHERE "is_poor_household";--> statement-breakpoint
ALTER TABLE "farmers" DROP COLUMN "is_poor_household";
