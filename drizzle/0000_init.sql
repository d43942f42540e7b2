CREATE TYPE "public"."event_type" AS ENUM('run_created', 'run_started', 'run_paused', 'run_resumed', 'run_cancelled', 'run_finished', 'node_started', 'node_succeeded', 'node_failed', 'node_skipped', 'sleep_started', 'sleep_woken', 'hook_created', 'hook_received', 'run_upgraded');--> statement-breakpoint
CREATE TYPE "public"."job_item_status" AS ENUM('pending', 'upgraded', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."node_status" AS ENUM('pending', 'running', 'success', 'failed', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."run_phase" AS ENUM('setuperror', 'queued', 'running', 'paused', 'cancelled', 'finished');--> statement-breakpoint
CREATE TYPE "public"."run_result" AS ENUM('unknown', 'success', 'failed', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."token_role" AS ENUM('viewer', 'operator', 'admin');--> statement-breakpoint
CREATE TYPE "public"."upgrade_strategy" AS ENUM('restart', 'resume', 'partial-resume');--> statement-breakpoint
CREATE TYPE "public"."version_status" AS ENUM('pending', 'live', 'draining', 'sunset');--> statement-breakpoint
CREATE TABLE "blobs" (
	"digest" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manifests" (
	"digest" text PRIMARY KEY NOT NULL,
	"entries" jsonb NOT NULL,
	"file_count" integer NOT NULL,
	"total_size" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"head_id" text,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commits" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"seq" bigint NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_counts" (
	"version_id" text NOT NULL,
	"phase" "run_phase" NOT NULL,
	"result" "run_result" NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "run_counts_version_id_phase_result_pk" PRIMARY KEY("version_id","phase","result")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"run_id" text COLLATE "C" NOT NULL,
	"seq" integer NOT NULL,
	"type" "event_type" NOT NULL,
	"node_id" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "events_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "versions" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text,
	"manifest" jsonb NOT NULL,
	"manifest_digest" text NOT NULL,
	"signatures" jsonb NOT NULL,
	"address" text,
	"source" jsonb,
	"status" "version_status" NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"workflow" text COLLATE "C" NOT NULL,
	"version_id" text NOT NULL,
	"group_path" text COLLATE "C" NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"setup_errors" jsonb,
	"phase" "run_phase" NOT NULL,
	"result" "run_result" DEFAULT 'unknown' NOT NULL,
	"waiting" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"upgraded_from" text,
	"upgraded_to" text,
	"upgrade_strategy" "upgrade_strategy",
	"stranded" boolean DEFAULT false NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"run_id" text COLLATE "C" NOT NULL,
	"node_id" text NOT NULL,
	"action" text NOT NULL,
	"signature" text NOT NULL,
	"needs" jsonb NOT NULL,
	"status" "node_status" DEFAULT 'pending' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"output" jsonb,
	"error" jsonb,
	"artifact_manifest" text,
	"staged_manifests" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reused_from" text,
	CONSTRAINT "nodes_run_id_node_id_pk" PRIMARY KEY("run_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "staged_artifacts" (
	"run_id" text COLLATE "C" NOT NULL,
	"node_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "staged_artifacts_run_id_node_id_producer_id_pk" PRIMARY KEY("run_id","node_id","producer_id")
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" "token_role" NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_items" (
	"job_id" text NOT NULL,
	"run_id" text NOT NULL,
	"status" "job_item_status" DEFAULT 'pending' NOT NULL,
	"new_run_id" text,
	"reason" text,
	"updated_at" timestamp with time zone,
	CONSTRAINT "job_items_job_id_run_id_pk" PRIMARY KEY("job_id","run_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" "job_status" NOT NULL,
	"actor" text NOT NULL,
	"version_id" text NOT NULL,
	"target_version_id" text NOT NULL,
	"strategy" "upgrade_strategy" NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staged_artifacts" ADD CONSTRAINT "staged_artifacts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_items" ADD CONSTRAINT "job_items_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "manifests_entries" ON "manifests" USING gin ("entries" jsonb_path_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "commits_seq" ON "commits" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "commits_parent" ON "commits" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "commits_actor" ON "commits" USING btree ("actor","seq");--> statement-breakpoint
CREATE INDEX "commits_action" ON "commits" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "commits_changes" ON "commits" USING gin ("changes" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "events_run_node" ON "events" USING btree ("run_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "versions_one_current" ON "versions" USING btree ("is_current") WHERE "versions"."is_current";--> statement-breakpoint
CREATE INDEX "versions_manifest_digest" ON "versions" USING btree ("manifest_digest");--> statement-breakpoint
CREATE INDEX "runs_phase_id" ON "runs" USING btree ("phase","id");--> statement-breakpoint
CREATE INDEX "runs_result_id" ON "runs" USING btree ("result","id");--> statement-breakpoint
CREATE INDEX "runs_workflow_id" ON "runs" USING btree ("workflow","id");--> statement-breakpoint
CREATE INDEX "runs_version_id" ON "runs" USING btree ("version_id","id");--> statement-breakpoint
CREATE INDEX "runs_group_path_id" ON "runs" USING btree ("group_path","id");--> statement-breakpoint
CREATE INDEX "runs_active_by_version" ON "runs" USING btree ("version_id","phase") WHERE "runs"."phase" in ('queued', 'running', 'paused');--> statement-breakpoint
CREATE INDEX "nodes_artifact_manifest" ON "nodes" USING btree ("artifact_manifest","run_id");--> statement-breakpoint
CREATE INDEX "staged_artifacts_digest" ON "staged_artifacts" USING btree ("digest","run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_secret_hash" ON "tokens" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_name" ON "tokens" USING btree ("name");--> statement-breakpoint
CREATE INDEX "job_items_pending" ON "job_items" USING btree ("job_id","status");--> statement-breakpoint
CREATE INDEX "jobs_status" ON "jobs" USING btree ("status");