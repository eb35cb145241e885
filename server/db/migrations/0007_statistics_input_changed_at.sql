ALTER TABLE "stat_input_versions" ADD COLUMN "changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_bump_input_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_input_versions (tbl, v, changed_at) VALUES (TG_TABLE_NAME, 1, now())
  ON CONFLICT (tbl) DO UPDATE SET v = stat_input_versions.v + 1, changed_at = now();
  RETURN NULL;
END $$;
