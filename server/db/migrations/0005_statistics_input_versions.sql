CREATE TABLE "stat_input_versions" (
	"tbl" text PRIMARY KEY NOT NULL,
	"v" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stat_agg_ap_reported_ym_idx" ON "stat_agg_ap" USING btree ("ym") WHERE n > 0;--> statement-breakpoint
COMMENT ON TABLE "stat_input_versions" IS 'buoctien:no-backup';
--> statement-breakpoint
CREATE FUNCTION stat_bump_input_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_input_versions (tbl, v) VALUES (TG_TABLE_NAME, 1)
  ON CONFLICT (tbl) DO UPDATE SET v = stat_input_versions.v + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "areas" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprises" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_products" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_product_prices" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_weights" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_targets" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_periods" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_agg" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_agg_ap" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_agg_ratio" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
--> statement-breakpoint
CREATE TRIGGER stat_input_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stat_agg_received" FOR EACH STATEMENT EXECUTE FUNCTION stat_bump_input_version();
