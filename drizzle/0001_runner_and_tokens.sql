ALTER TYPE "public"."event_type" ADD VALUE 'node_requeued';--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "runs_claimable" ON "runs" USING btree ("lease_expires_at","id") WHERE "runs"."phase" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "runs_hook_token" ON "runs" USING btree (("waiting"->>'token')) WHERE "runs"."waiting"->>'kind' = 'hook';--> statement-breakpoint
CREATE INDEX "nodes_cache" ON "nodes" USING btree ("signature") WHERE "nodes"."status" = 'success' and "nodes"."artifact_manifest" is not null;