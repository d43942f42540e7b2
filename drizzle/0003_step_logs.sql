CREATE TABLE "log_attempts" (
	"run_id" text COLLATE "C" NOT NULL,
	"node_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"lines" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"cut_lines" bigint DEFAULT 0 NOT NULL,
	"cut_bytes" bigint DEFAULT 0 NOT NULL,
	"dropped_lines" bigint DEFAULT 0 NOT NULL,
	"dropped_bytes" bigint DEFAULT 0 NOT NULL,
	"ended" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "log_attempts_run_id_node_id_attempt_pk" PRIMARY KEY("run_id","node_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "log_chunks" (
	"run_id" text COLLATE "C" NOT NULL,
	"node_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"seq" integer NOT NULL,
	"part" integer NOT NULL,
	"first_n" integer NOT NULL,
	"last_n" integer NOT NULL,
	"texts" jsonb NOT NULL,
	"times" jsonb NOT NULL,
	"streams" text NOT NULL,
	"stored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "log_chunks_run_id_node_id_attempt_seq_part_pk" PRIMARY KEY("run_id","node_id","attempt","seq","part")
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "log_attempts" ADD CONSTRAINT "log_attempts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_chunks" ADD CONSTRAINT "log_chunks_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_chunks_lines" ON "log_chunks" USING btree ("run_id","node_id","attempt","last_n");--> statement-breakpoint
CREATE INDEX "log_chunks_words" ON "log_chunks" USING gin (to_tsvector('simple'::regconfig, "texts"));