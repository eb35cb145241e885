CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"via" text NOT NULL,
	"request_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"user_agent" text,
	"ip" text,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "user_enterprises" (
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "user_enterprises_user_id_enterprise_id_pk" PRIMARY KEY("user_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"area_code" text,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"lang" text DEFAULT 'vi' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'leader', 'officer', 'extension_officer', 'statistician', 'fund_officer', 'enterprise', 'bank')),
	CONSTRAINT "users_lang_check" CHECK ("users"."lang" in ('vi', 'en'))
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"level" text NOT NULL,
	"parent_code" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"successor_code" text,
	CONSTRAINT "areas_level_check" CHECK ("areas"."level" in ('province', 'district', 'commune')),
	CONSTRAINT "areas_valid_check" CHECK ("areas"."valid_to" is null or "areas"."valid_to" >= "areas"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "enterprise_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"capacity_per_year" numeric(24, 6),
	"product_code" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enterprise_products_capacity_check" CHECK ("enterprise_products"."capacity_per_year" is null or "enterprise_products"."capacity_per_year" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tax_code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"short_name" text,
	"area_code" text NOT NULL,
	"address" text,
	"vsic" text NOT NULL,
	"ownership" text NOT NULL,
	"size_class" text,
	"status" text DEFAULT 'active' NOT NULL,
	"reports_monthly" boolean DEFAULT false NOT NULL,
	"founded_on" date,
	"employees" integer,
	"charter_capital_vnd" bigint,
	"representative" text,
	"phone" text,
	"email" text,
	"website" text,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_en, '') || ' ' || tax_code))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_tax_code_unique" UNIQUE("tax_code"),
	CONSTRAINT "enterprises_vsic_check" CHECK ("enterprises"."vsic" ~ '^[0-9]{4}$'),
	CONSTRAINT "enterprises_tax_code_check" CHECK ("enterprises"."tax_code" ~ '^[0-9]{10}(-[0-9]{3})?$'),
	CONSTRAINT "enterprises_ownership_check" CHECK ("enterprises"."ownership" in ('state', 'non_state', 'fdi')),
	CONSTRAINT "enterprises_employees_check" CHECK ("enterprises"."employees" is null or "enterprises"."employees" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_enterprises" ADD CONSTRAINT "user_enterprises_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_enterprises" ADD CONSTRAINT "user_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_code_areas_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_successor_code_areas_code_fk" FOREIGN KEY ("successor_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_products" ADD CONSTRAINT "enterprise_products_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_enterprises_ent_idx" ON "user_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "enterprise_products_ent_idx" ON "enterprise_products" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprises_area_idx" ON "enterprises" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "enterprises_vsic_idx" ON "enterprises" USING btree ("vsic");--> statement-breakpoint
CREATE INDEX "enterprises_search_idx" ON "enterprises" USING gin ("search_text" gin_trgm_ops);