CREATE TABLE "sales_weekly_provinces" (
	"cooperative_id" bigint NOT NULL,
	"week" text NOT NULL,
	"buyer_province" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"weight_g" bigint DEFAULT 0 NOT NULL,
	"gross_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_fen" bigint DEFAULT 0 NOT NULL,
	"refunds_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_weekly_provinces_cooperative_id_week_buyer_province_pk" PRIMARY KEY("cooperative_id","week","buyer_province")
);
--> statement-breakpoint
CREATE TABLE "sales_weekly_specs" (
	"cooperative_id" bigint NOT NULL,
	"week" text NOT NULL,
	"spec_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"farmer_id" bigint NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"weight_g" bigint DEFAULT 0 NOT NULL,
	"gross_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_fen" bigint DEFAULT 0 NOT NULL,
	"refunds_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_weekly_specs_cooperative_id_week_spec_id_pk" PRIMARY KEY("cooperative_id","week","spec_id")
);
--> statement-breakpoint
CREATE TABLE "settlement_refunds" (
	"refund_id" bigint PRIMARY KEY NOT NULL,
	"settlement_id" bigint NOT NULL,
	"farmer_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"goods_fen" integer NOT NULL,
	"shipping_fen" integer NOT NULL,
	"adjustment_fen" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_refunds_kind" CHECK ("settlement_refunds"."kind" in ('refund', 'adjustment'))
);
--> statement-breakpoint
CREATE TABLE "weekly_buyer_counts" (
	"cooperative_id" bigint NOT NULL,
	"week" text NOT NULL,
	"shard" integer NOT NULL,
	"buyers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "weekly_buyer_counts_cooperative_id_week_shard_pk" PRIMARY KEY("cooperative_id","week","shard")
);
--> statement-breakpoint
ALTER TABLE "sales_weekly_provinces" ADD CONSTRAINT "sales_weekly_provinces_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_weekly_specs" ADD CONSTRAINT "sales_weekly_specs_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_weekly_specs" ADD CONSTRAINT "sales_weekly_specs_spec_id_product_specs_id_fk" FOREIGN KEY ("spec_id") REFERENCES "public"."product_specs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_weekly_specs" ADD CONSTRAINT "sales_weekly_specs_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_weekly_specs" ADD CONSTRAINT "sales_weekly_specs_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_refunds" ADD CONSTRAINT "settlement_refunds_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_refunds" ADD CONSTRAINT "settlement_refunds_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_refunds" ADD CONSTRAINT "settlement_refunds_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_buyer_counts" ADD CONSTRAINT "weekly_buyer_counts_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "settlement_refunds_settlement_idx" ON "settlement_refunds" USING btree ("settlement_id");