CREATE TABLE "publishing_report_versions" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"document" jsonb NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publishing_report_versions_report_id_version_pk" PRIMARY KEY("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "publishing_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"area_code" text NOT NULL,
	"lang" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"document" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	CONSTRAINT "publishing_reports_period_check" CHECK ("publishing_reports"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "publishing_reports_status_check" CHECK ("publishing_reports"."status" in ('draft', 'issued')),
	CONSTRAINT "publishing_reports_issued_check" CHECK (("publishing_reports"."status" = 'issued') = ("publishing_reports"."issued_at" is not null and "publishing_reports"."number" is not null))
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_key" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"indicator" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"area_code" text NOT NULL,
	"dimensions" jsonb NOT NULL,
	"filters" jsonb NOT NULL,
	"sort" text,
	"chart_type" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_dimensions_check" CHECK (jsonb_array_length("saved_views"."dimensions") <= 3)
);
--> statement-breakpoint
ALTER TABLE "publishing_report_versions" ADD CONSTRAINT "publishing_report_versions_report_id_publishing_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."publishing_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_report_versions" ADD CONSTRAINT "publishing_report_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_reports" ADD CONSTRAINT "publishing_reports_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_reports" ADD CONSTRAINT "publishing_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_reports" ADD CONSTRAINT "publishing_reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publishing_reports_period_idx" ON "publishing_reports" USING btree ("period","area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_share_key_idx" ON "saved_views" USING btree ("share_key");--> statement-breakpoint
CREATE INDEX "saved_views_owner_idx" ON "saved_views" USING btree ("owner_id");