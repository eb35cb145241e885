CREATE TABLE "stored_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"chunk_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "job_progress" (
	"job_id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"done" integer NOT NULL,
	"total" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ext_documents" ALTER COLUMN "storage_path" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ext_documents" ADD COLUMN "file_id" uuid;--> statement-breakpoint
CREATE INDEX "stored_file_chunks_written_idx" ON "stored_file_chunks" USING btree ("written_at");--> statement-breakpoint
CREATE INDEX "job_progress_updated_at_idx" ON "job_progress" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_window_ends_idx" ON "rate_limit_hits" USING btree ("window_ends");--> statement-breakpoint
ALTER TABLE "ext_documents" ADD CONSTRAINT "ext_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Transient state shared by the instances: not in a backup (platform/backup.ts).
COMMENT ON TABLE "rate_limit_hits" IS 'buoctien:no-backup';--> statement-breakpoint
COMMENT ON TABLE "job_progress" IS 'buoctien:no-backup';--> statement-breakpoint
-- Uploaded documents are mostly compressed already (PDF, DOCX, JPEG): store the chunks without trying pglz.
ALTER TABLE "stored_file_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
