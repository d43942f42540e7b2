CREATE TYPE "public"."engine_action_kind" AS ENUM('cancel', 'deliver_hook', 'restart');--> statement-breakpoint
CREATE TYPE "public"."engine_action_status" AS ENUM('pending', 'claimed', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."run_source" AS ENUM('flowdeck', 'workflow-local', 'workflow-postgres');--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'engine_event';--> statement-breakpoint
CREATE TABLE "engine_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"source" "run_source" NOT NULL,
	"run_id" text NOT NULL,
	"kind" "engine_action_kind" NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "engine_action_status" DEFAULT 'pending' NOT NULL,
	"actor" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"lease_expires_at" timestamp with time zone,
	"error" text,
	"result_run_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "engine_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "engine_type" text;--> statement-breakpoint
ALTER TABLE "versions" ADD COLUMN "run_source" "run_source" DEFAULT 'flowdeck' NOT NULL;--> statement-breakpoint
ALTER TABLE "versions" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "source" "run_source" DEFAULT 'flowdeck' NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "engine_status" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "workflow_ref" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "import_digest" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "admitted_while_draining" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "nodes" ADD COLUMN "input" jsonb;--> statement-breakpoint
ALTER TABLE "engine_actions" ADD CONSTRAINT "engine_actions_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engine_actions_claimable" ON "engine_actions" USING btree ("source","status","created_at");--> statement-breakpoint
CREATE INDEX "engine_actions_run" ON "engine_actions" USING btree ("run_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "events_run_engine_id" ON "events" USING btree ("run_id","engine_id") WHERE "events"."engine_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "versions_source_key" ON "versions" USING btree ("run_source","external_key") WHERE "versions"."external_key" is not null;--> statement-breakpoint
CREATE INDEX "runs_source_id" ON "runs" USING btree ("source","id");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_source_external_id" ON "runs" USING btree ("source","external_id") WHERE "runs"."external_id" is not null;