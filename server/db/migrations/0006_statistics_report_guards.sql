ALTER TABLE "stat_report_revisions" DROP CONSTRAINT "stat_report_revisions_report_id_stat_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "stat_reports" DROP CONSTRAINT "stat_reports_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "stat_reports" DROP CONSTRAINT "stat_reports_product_code_stat_products_code_fk";
--> statement-breakpoint
ALTER TABLE "stat_reports" DROP CONSTRAINT "stat_reports_area_code_areas_code_fk";
--> statement-breakpoint
CREATE FUNCTION stat_reports_guard_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  referenced boolean;
BEGIN
  IF TG_TABLE_NAME = 'enterprises' THEN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN RETURN NEW; END IF;
    referenced := EXISTS (SELECT 1 FROM stat_reports WHERE enterprise_id = OLD.id);
  ELSE
    IF TG_OP = 'UPDATE' AND NEW.code = OLD.code THEN RETURN NEW; END IF;
    IF TG_TABLE_NAME = 'areas' THEN
      referenced := EXISTS (SELECT 1 FROM stat_reports WHERE area_code = OLD.code);
    ELSE
      referenced := EXISTS (SELECT 1 FROM stat_reports WHERE product_code = OLD.code);
    END IF;
  END IF;
  IF referenced THEN
    RAISE EXCEPTION '% is referenced by stat_reports', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_reports_guard BEFORE DELETE OR UPDATE OF id ON "enterprises" FOR EACH ROW EXECUTE FUNCTION stat_reports_guard_parent();
--> statement-breakpoint
CREATE TRIGGER stat_reports_guard BEFORE DELETE OR UPDATE OF code ON "areas" FOR EACH ROW EXECUTE FUNCTION stat_reports_guard_parent();
--> statement-breakpoint
CREATE TRIGGER stat_reports_guard BEFORE DELETE OR UPDATE OF code ON "stat_products" FOR EACH ROW EXECUTE FUNCTION stat_reports_guard_parent();
--> statement-breakpoint
CREATE FUNCTION stat_reports_delete_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stat_report_revisions WHERE report_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_reports_revisions AFTER DELETE ON "stat_reports" FOR EACH ROW EXECUTE FUNCTION stat_reports_delete_revisions();
