CREATE TYPE "public"."refund_bearer" AS ENUM('farmer', 'cooperative');--> statement-breakpoint
CREATE TYPE "public"."refund_kind" AS ENUM('buyer_cancel', 'after_sale', 'weight_adjustment', 'late_payment', 'duplicate_payment');--> statement-breakpoint
CREATE TYPE "public"."claim_bearer" AS ENUM('farmer', 'cooperative');--> statement-breakpoint
CREATE TYPE "public"."claim_reason" AS ENUM('damaged', 'short_weight', 'wrong_item', 'not_received', 'other');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('open', 'offered', 'escalated', 'accepted', 'decided', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."refund_status" ADD VALUE 'closed' BEFORE 'failed';--> statement-breakpoint
ALTER TYPE "public"."refund_status" ADD VALUE 'abnormal' BEFORE 'failed';--> statement-breakpoint
CREATE TABLE "claim_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"claim_id" bigint NOT NULL,
	"order_item_id" bigint NOT NULL,
	"measure" text NOT NULL,
	"affected" integer NOT NULL,
	"suggested_fen" integer NOT NULL,
	CONSTRAINT "claim_lines_affected" CHECK ("claim_lines"."affected" > 0),
	CONSTRAINT "claim_lines_measure" CHECK ("claim_lines"."measure" in ('g', 'unit'))
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" bigint NOT NULL,
	"buyer_id" bigint NOT NULL,
	"farmer_id" bigint NOT NULL,
	"cooperative_id" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "claim_status" DEFAULT 'open' NOT NULL,
	"reason" "claim_reason" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"suggested_fen" integer NOT NULL,
	"offered_fen" integer,
	"farmer_note" text,
	"settled_fen" integer,
	"borne_by" "claim_bearer",
	"manager_note" text,
	"decided_by" bigint,
	"farmer_deadline" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_amounts" CHECK ("claims"."suggested_fen" >= 0 and ("claims"."offered_fen" is null or "claims"."offered_fen" >= 0) and ("claims"."settled_fen" is null or "claims"."settled_fen" >= 0))
);
--> statement-breakpoint
DROP INDEX "refunds_payment_order_uq";--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "event" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "packed_weight_g" integer;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "prepay_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "kind" "refund_kind" DEFAULT 'buyer_cancel' NOT NULL;--> statement-breakpoint
-- Refunds made before the ledger: the one stamped with its order's refunded_at was the buyer's
-- cancel of a paid order; the others returned a payment that reached us after its order was
-- cancelled (the order was never paid) or a second payment of an order already paid.
UPDATE "refunds" AS r SET "kind" = CASE WHEN o."paid_at" IS NULL THEN 'late_payment'::refund_kind ELSE 'duplicate_payment'::refund_kind END
  FROM "orders" AS o
 WHERE o."id" = r."order_id" AND NOT (o."paid_at" IS NOT NULL AND o."refunded_at" IS NOT NULL AND r."created_at" = o."refunded_at");--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "kind" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "borne_by" "refund_bearer" DEFAULT 'farmer' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "decided_by" bigint;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "claim_id" bigint;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "resolved_by" bigint;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "resolved_note" text;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_cooperative_id_cooperatives_id_fk" FOREIGN KEY ("cooperative_id") REFERENCES "public"."cooperatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_lines_claim_item_uq" ON "claim_lines" USING btree ("claim_id","order_item_id");--> statement-breakpoint
CREATE INDEX "claim_lines_item_idx" ON "claim_lines" USING btree ("order_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_buyer_key_uq" ON "claims" USING btree ("buyer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "claims_order_idx" ON "claims" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "claims_buyer_idx" ON "claims" USING btree ("buyer_id","id");--> statement-breakpoint
CREATE INDEX "claims_farmer_status_idx" ON "claims" USING btree ("farmer_id","status","id");--> statement-breakpoint
CREATE INDEX "claims_coop_status_idx" ON "claims" USING btree ("cooperative_id","status","id");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id","id");--> statement-breakpoint
CREATE INDEX "refunds_attention_idx" ON "refunds" USING btree ("status","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_cancel_uq" ON "refunds" USING btree ("order_id") WHERE "refunds"."kind" = 'buyer_cancel';--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_weight_uq" ON "refunds" USING btree ("order_id") WHERE "refunds"."kind" = 'weight_adjustment';--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_claim_uq" ON "refunds" USING btree ("claim_id") WHERE "refunds"."claim_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_returned_payment_uq" ON "refunds" USING btree ("payment_id","order_id") WHERE "refunds"."kind" in ('late_payment', 'duplicate_payment');--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_fen" > 0);