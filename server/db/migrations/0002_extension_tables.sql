CREATE TABLE "ext_activity_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_document" text NOT NULL,
	"source_article" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "ext_activity_groups_period_check" CHECK ("ext_activity_groups"."effective_to" is null or "ext_activity_groups"."effective_to" >= "ext_activity_groups"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "ext_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"funding_source" text NOT NULL,
	"activity_group_code" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rubric_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ext_calls_dates_check" CHECK ("ext_calls"."closes_on" >= "ext_calls"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "ext_disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ext_disbursements_amount_check" CHECK ("ext_disbursements"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE TABLE "ext_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ext_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_on" date,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ext_min_wages" (
	"id" text PRIMARY KEY NOT NULL,
	"region" integer NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_document" text NOT NULL,
	"source_article" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "ext_min_wages_region_check" CHECK ("ext_min_wages"."region" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "ext_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"measured_on" date NOT NULL,
	"capacity" numeric(24, 6),
	"capacity_unit" text,
	"employees" integer,
	"jobs_created" integer,
	"avg_income_vnd" bigint,
	"income_period" text,
	"income_as_reported" text,
	"revenue_vnd" bigint,
	"frozen" boolean DEFAULT false NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ext_outcomes_nonneg_check" CHECK (("ext_outcomes"."employees" is null or "ext_outcomes"."employees" >= 0) and ("ext_outcomes"."capacity" is null or "ext_outcomes"."capacity" >= 0))
);
--> statement-breakpoint
CREATE TABLE "ext_plan_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"funding_source" text NOT NULL,
	"activity_group_code" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	CONSTRAINT "ext_plan_budgets_amount_check" CHECK ("ext_plan_budgets"."amount_vnd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ext_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ext_rubric_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rubric_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"label_en" text NOT NULL,
	"weight" numeric(6, 2) NOT NULL,
	"max_score" integer DEFAULT 10 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ext_rubric_criteria_weight_check" CHECK ("ext_rubric_criteria"."weight" > 0),
	CONSTRAINT "ext_rubric_criteria_max_check" CHECK ("ext_rubric_criteria"."max_score" > 0)
);
--> statement-breakpoint
CREATE TABLE "ext_rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ext_scheme_enterprises" (
	"scheme_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ext_scheme_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"on_date" date NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"note" text,
	"amount_vnd" bigint,
	"document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "ext_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"plan_id" uuid,
	"call_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"support_kind" text NOT NULL,
	"activity_group_code" text NOT NULL,
	"funding_source" text NOT NULL,
	"lead_enterprise_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"total_cost_vnd" bigint NOT NULL,
	"support_requested_vnd" bigint NOT NULL,
	"counterpart_vnd" bigint NOT NULL,
	"application_date" date,
	"approved_amount_vnd" bigint,
	"approved_on" date,
	"cap_rule_id" text,
	"cap_snapshot" text,
	"settled_amount_vnd" bigint,
	"women_owned" boolean DEFAULT false NOT NULL,
	"ethnic_minority_owned" boolean DEFAULT false NOT NULL,
	"rural_area" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ext_schemes_code_unique" UNIQUE("code"),
	CONSTRAINT "ext_schemes_source_check" CHECK ("ext_schemes"."funding_source" in ('national', 'local')),
	CONSTRAINT "ext_schemes_amounts_check" CHECK ("ext_schemes"."total_cost_vnd" > 0 and "ext_schemes"."support_requested_vnd" >= 0 and "ext_schemes"."counterpart_vnd" >= 0 and "ext_schemes"."support_requested_vnd" <= "ext_schemes"."total_cost_vnd"),
	CONSTRAINT "ext_schemes_approved_check" CHECK ("ext_schemes"."approved_amount_vnd" is null or ("ext_schemes"."approved_amount_vnd" >= 0 and "ext_schemes"."approved_amount_vnd" <= "ext_schemes"."total_cost_vnd"))
);
--> statement-breakpoint
CREATE TABLE "ext_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ext_scores_score_check" CHECK ("ext_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ext_support_caps" (
	"id" text PRIMARY KEY NOT NULL,
	"support_kind" text NOT NULL,
	"activity_group_code" text NOT NULL,
	"funding_source" text NOT NULL,
	"province_code" text,
	"max_percent" numeric(5, 2),
	"max_amount_vnd" bigint,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_document" text NOT NULL,
	"source_article" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "ext_support_caps_source_check" CHECK ("ext_support_caps"."funding_source" in ('national', 'local')),
	CONSTRAINT "ext_support_caps_limit_check" CHECK ("ext_support_caps"."max_percent" is not null or "ext_support_caps"."max_amount_vnd" is not null),
	CONSTRAINT "ext_support_caps_period_check" CHECK ("ext_support_caps"."effective_to" is null or "ext_support_caps"."effective_to" >= "ext_support_caps"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "ext_wage_regions" (
	"id" text PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"region" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_document" text NOT NULL,
	"source_article" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "ext_wage_regions_region_check" CHECK ("ext_wage_regions"."region" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "ext_calls" ADD CONSTRAINT "ext_calls_plan_id_ext_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."ext_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_calls" ADD CONSTRAINT "ext_calls_rubric_id_ext_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."ext_rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_disbursements" ADD CONSTRAINT "ext_disbursements_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_documents" ADD CONSTRAINT "ext_documents_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_milestones" ADD CONSTRAINT "ext_milestones_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_outcomes" ADD CONSTRAINT "ext_outcomes_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_plan_budgets" ADD CONSTRAINT "ext_plan_budgets_plan_id_ext_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."ext_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_rubric_criteria" ADD CONSTRAINT "ext_rubric_criteria_rubric_id_ext_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."ext_rubrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_scheme_enterprises" ADD CONSTRAINT "ext_scheme_enterprises_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_scheme_enterprises" ADD CONSTRAINT "ext_scheme_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_scheme_events" ADD CONSTRAINT "ext_scheme_events_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_schemes" ADD CONSTRAINT "ext_schemes_plan_id_ext_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."ext_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_schemes" ADD CONSTRAINT "ext_schemes_call_id_ext_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."ext_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_schemes" ADD CONSTRAINT "ext_schemes_lead_enterprise_id_enterprises_id_fk" FOREIGN KEY ("lead_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_schemes" ADD CONSTRAINT "ext_schemes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_scores" ADD CONSTRAINT "ext_scores_scheme_id_ext_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."ext_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_scores" ADD CONSTRAINT "ext_scores_criterion_id_ext_rubric_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."ext_rubric_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ext_scores" ADD CONSTRAINT "ext_scores_member_user_id_users_id_fk" FOREIGN KEY ("member_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ext_activity_groups_code_idx" ON "ext_activity_groups" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ext_calls_year_idx" ON "ext_calls" USING btree ("year");--> statement-breakpoint
CREATE INDEX "ext_disbursements_scheme_idx" ON "ext_disbursements" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "ext_documents_scheme_idx" ON "ext_documents" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "ext_milestones_scheme_idx" ON "ext_milestones" USING btree ("scheme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ext_outcomes_uq" ON "ext_outcomes" USING btree ("scheme_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "ext_plan_budgets_uq" ON "ext_plan_budgets" USING btree ("plan_id","funding_source","activity_group_code");--> statement-breakpoint
CREATE UNIQUE INDEX "ext_plans_year_uq" ON "ext_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "ext_rubric_criteria_uq" ON "ext_rubric_criteria" USING btree ("rubric_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "ext_scheme_enterprises_uq" ON "ext_scheme_enterprises" USING btree ("scheme_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "ext_scheme_events_scheme_idx" ON "ext_scheme_events" USING btree ("scheme_id","id");--> statement-breakpoint
CREATE INDEX "ext_schemes_year_idx" ON "ext_schemes" USING btree ("year");--> statement-breakpoint
CREATE INDEX "ext_schemes_lead_idx" ON "ext_schemes" USING btree ("lead_enterprise_id");--> statement-breakpoint
CREATE INDEX "ext_schemes_call_idx" ON "ext_schemes" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ext_scores_uq" ON "ext_scores" USING btree ("scheme_id","criterion_id","member_user_id");--> statement-breakpoint
CREATE INDEX "ext_support_caps_kind_idx" ON "ext_support_caps" USING btree ("support_kind","funding_source");--> statement-breakpoint
CREATE INDEX "ext_wage_regions_area_idx" ON "ext_wage_regions" USING btree ("area_code");