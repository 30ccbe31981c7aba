CREATE TYPE "public"."freight_basis" AS ENUM('weight', 'piece');--> statement-breakpoint
CREATE TABLE "freight_templates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freight_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cooperative_id" bigint NOT NULL,
	"farmer_id" bigint,
	"name" text NOT NULL,
	"basis" "freight_basis" NOT NULL,
	"free_from_fen" integer,
	"not_served" text[] DEFAULT '{}'::text[] NOT NULL,
	"ships_from" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "freight_templates_free_from" CHECK ("freight_templates"."free_from_fen" is null or "freight_templates"."free_from_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "freight_zones" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "freight_zones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"template_id" bigint NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_units" integer NOT NULL,
	"first_fee_fen" integer NOT NULL,
	"step_units" integer NOT NULL,
	"step_fee_fen" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "freight_zones_units" CHECK ("freight_zones"."first_units" > 0 and "freight_zones"."step_units" > 0 and "freight_zones"."first_fee_fen" >= 0 and "freight_zones"."step_fee_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "parcel_tracking" (
	"carrier" text NOT NULL,
	"tracking_no" text NOT NULL,
	"state" text NOT NULL,
	"events" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "parcel_tracking_carrier_tracking_no_pk" PRIMARY KEY("carrier","tracking_no")
);
--> statement-breakpoint
ALTER TABLE "cooperatives" ADD COLUMN "service_phone" text;--> statement-breakpoint
ALTER TABLE "product_specs" ADD COLUMN "parcel_weight_g" integer;--> statement-breakpoint
ALTER TABLE "freight_templates" ADD CONSTRAINT "freight_templates_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freight_templates" ADD CONSTRAINT "freight_templates_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freight_zones" ADD CONSTRAINT "freight_zones_template_id_freight_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."freight_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "freight_templates_coop_default_uq" ON "freight_templates" USING btree ("cooperative_id") WHERE "freight_templates"."farmer_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "freight_templates_farmer_uq" ON "freight_templates" USING btree ("farmer_id") WHERE "freight_templates"."farmer_id" is not null;--> statement-breakpoint
CREATE INDEX "freight_zones_template_idx" ON "freight_zones" USING btree ("template_id","sort_order");--> statement-breakpoint
-- Every farmer's flat fee (farmer_shipping) becomes that farmer's own one-zone template: the
-- same fee for any weight anywhere, free from the same threshold, so nothing changes for them.
INSERT INTO "freight_templates" ("cooperative_id", "farmer_id", "name", "basis", "free_from_fen")
SELECT f."cooperative_id", s."farmer_id", '原运费规则', 'weight'::freight_basis, s."free_from_fen"
  FROM "farmer_shipping" s JOIN "farmers" f ON f."id" = s."farmer_id"
 ORDER BY s."farmer_id";--> statement-breakpoint
INSERT INTO "freight_zones" ("template_id", "provinces", "first_units", "first_fee_fen", "step_units", "step_fee_fen", "sort_order")
SELECT t."id", '{}'::text[], 1000, s."fee_fen", 1000, 0, 0
  FROM "freight_templates" t JOIN "farmer_shipping" s ON s."farmer_id" = t."farmer_id";--> statement-breakpoint
DROP TABLE "farmer_shipping" CASCADE;
