CREATE TABLE "stat_agg" (
	"ym" integer NOT NULL,
	"area_code" text NOT NULL,
	"ownership" text NOT NULL,
	"ent_vsic" text NOT NULL,
	"product_code" text NOT NULL,
	"qty" numeric(30, 6) DEFAULT '0' NOT NULL,
	"value" numeric(30, 0) DEFAULT '0' NOT NULL,
	"value_n" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"miss_qty" numeric(30, 6) DEFAULT '0' NOT NULL,
	"miss_value" numeric(30, 0) DEFAULT '0' NOT NULL,
	"miss_value_n" integer DEFAULT 0 NOT NULL,
	"miss_n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_agg_ym_area_code_ownership_ent_vsic_product_code_pk" PRIMARY KEY("ym","area_code","ownership","ent_vsic","product_code")
);
--> statement-breakpoint
CREATE TABLE "stat_agg_ap" (
	"ym" integer NOT NULL,
	"area_code" text NOT NULL,
	"product_code" text NOT NULL,
	"qty" numeric(30, 6) DEFAULT '0' NOT NULL,
	"value" numeric(30, 0) DEFAULT '0' NOT NULL,
	"value_n" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"miss_qty" numeric(30, 6) DEFAULT '0' NOT NULL,
	"miss_value" numeric(30, 0) DEFAULT '0' NOT NULL,
	"miss_value_n" integer DEFAULT 0 NOT NULL,
	"miss_n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_agg_ap_ym_area_code_product_code_pk" PRIMARY KEY("ym","area_code","product_code")
);
--> statement-breakpoint
CREATE TABLE "stat_agg_ratio" (
	"ym" integer NOT NULL,
	"product_code" text NOT NULL,
	"num" numeric(30, 6) DEFAULT '0' NOT NULL,
	"den" numeric(30, 6) DEFAULT '0' NOT NULL,
	"pairs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_agg_ratio_ym_product_code_pk" PRIMARY KEY("ym","product_code")
);
--> statement-breakpoint
CREATE TABLE "stat_agg_received" (
	"ym" integer NOT NULL,
	"area_code" text NOT NULL,
	"ownership" text NOT NULL,
	"ent_vsic" text NOT NULL,
	"in_panel" boolean NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_agg_received_ym_area_code_ownership_ent_vsic_in_panel_pk" PRIMARY KEY("ym","area_code","ownership","ent_vsic","in_panel")
);
--> statement-breakpoint
CREATE TABLE "stat_period_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ym" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"via" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_periods" (
	"ym" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_periods_ym_check" CHECK ("stat_periods"."ym" % 100 between 1 and 12 and "stat_periods"."ym" between 190001 and 210012),
	CONSTRAINT "stat_periods_status_check" CHECK ("stat_periods"."status" in ('open', 'closed', 'approved', 'published')),
	CONSTRAINT "stat_periods_published_check" CHECK (("stat_periods"."status" = 'published') = ("stat_periods"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "stat_product_prices" (
	"product_code" text NOT NULL,
	"base_year" integer NOT NULL,
	"base_price_vnd" numeric(24, 6) NOT NULL,
	CONSTRAINT "stat_product_prices_product_code_base_year_pk" PRIMARY KEY("product_code","base_year"),
	CONSTRAINT "stat_product_prices_price_check" CHECK ("stat_product_prices"."base_price_vnd" >= 0),
	CONSTRAINT "stat_product_prices_year_check" CHECK ("stat_product_prices"."base_year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "stat_products" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"unit" text NOT NULL,
	"vsic" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_products_code_check" CHECK ("stat_products"."code" ~ '^[A-Za-z0-9_.-]{1,30}$'),
	CONSTRAINT "stat_products_vsic_check" CHECK ("stat_products"."vsic" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "stat_report_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"revision" integer NOT NULL,
	"quantity_old" numeric(30, 6),
	"value_old" numeric(24, 0),
	"quantity_new" numeric(30, 6) NOT NULL,
	"value_new" numeric(24, 0),
	"source" text NOT NULL,
	"comment" text,
	"actor_user_id" uuid,
	"via" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_report_revisions_key" UNIQUE("report_id","revision")
);
--> statement-breakpoint
CREATE TABLE "stat_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"ym" integer NOT NULL,
	"product_code" text NOT NULL,
	"quantity" numeric(30, 6) NOT NULL,
	"value_vnd" numeric(24, 0),
	"area_code" text NOT NULL,
	"ownership" text NOT NULL,
	"ent_vsic" text NOT NULL,
	"in_panel" boolean NOT NULL,
	"source" text NOT NULL,
	"comment" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_status" text DEFAULT 'none' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_reports_key" UNIQUE("enterprise_id","ym","product_code"),
	CONSTRAINT "stat_reports_ym_check" CHECK ("stat_reports"."ym" % 100 between 1 and 12 and "stat_reports"."ym" between 190001 and 210012),
	CONSTRAINT "stat_reports_quantity_check" CHECK ("stat_reports"."quantity" >= 0),
	CONSTRAINT "stat_reports_value_check" CHECK ("stat_reports"."value_vnd" is null or "stat_reports"."value_vnd" >= 0),
	CONSTRAINT "stat_reports_source_check" CHECK ("stat_reports"."source" in ('web', 'import', 'staff')),
	CONSTRAINT "stat_reports_review_check" CHECK ("stat_reports"."review_status" in ('none', 'pending', 'reviewed')),
	CONSTRAINT "stat_reports_ownership_check" CHECK ("stat_reports"."ownership" in ('state', 'non_state', 'fdi'))
);
--> statement-breakpoint
CREATE TABLE "stat_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"area_code" text NOT NULL,
	"product_code" text,
	"value" numeric(30, 6) NOT NULL,
	CONSTRAINT "stat_targets_indicator_check" CHECK ("stat_targets"."indicator" in ('OUTPUT_QTY', 'GO_CONST', 'GO_CUR')),
	CONSTRAINT "stat_targets_value_check" CHECK ("stat_targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stat_weights" (
	"base_year" integer NOT NULL,
	"vsic" text NOT NULL,
	"value_added_vnd" numeric(24, 0) NOT NULL,
	CONSTRAINT "stat_weights_base_year_vsic_pk" PRIMARY KEY("base_year","vsic"),
	CONSTRAINT "stat_weights_vsic_check" CHECK ("stat_weights"."vsic" ~ '^[0-9]{4}$'),
	CONSTRAINT "stat_weights_value_check" CHECK ("stat_weights"."value_added_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "stat_period_events" ADD CONSTRAINT "stat_period_events_ym_stat_periods_ym_fk" FOREIGN KEY ("ym") REFERENCES "public"."stat_periods"("ym") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_product_prices" ADD CONSTRAINT "stat_product_prices_product_code_stat_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."stat_products"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report_revisions" ADD CONSTRAINT "stat_report_revisions_report_id_stat_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."stat_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_product_code_stat_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."stat_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_targets" ADD CONSTRAINT "stat_targets_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_targets" ADD CONSTRAINT "stat_targets_product_code_stat_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."stat_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_period_events_ym_idx" ON "stat_period_events" USING btree ("ym");--> statement-breakpoint
CREATE INDEX "stat_reports_ym_idx" ON "stat_reports" USING btree ("ym","product_code");--> statement-breakpoint
CREATE INDEX "stat_reports_review_idx" ON "stat_reports" USING btree ("review_status") WHERE "stat_reports"."review_status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "stat_targets_key" ON "stat_targets" USING btree ("year","indicator","area_code",coalesce("product_code", ''));