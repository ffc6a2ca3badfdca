import type { Kysely, Transaction } from "kysely";
import type { SealedInstallation } from "../app/ports.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Keeps a workspace's installation, and takes its workspace off the uninstalled list in the same transaction: its
 * teams are due again at once (a null `next_due_at` is "look now"), so a reinstall resumes reminders and digests.
 */
export async function saveSlackInstallation(
  db: Db,
  installation: SealedInstallation,
  at: string,
): Promise<void> {
  await db
    .insertInto("slackInstallations")
    .values({ ...installation, installedAt: at, updatedAt: at })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        enterpriseId: installation.enterpriseId,
        teamId: installation.teamId,
        sealed: installation.sealed,
        updatedAt: at,
      }),
    )
    .execute();
  if (!installation.teamId) return;
  const back = await db
    .updateTable("workspaces")
    .set({ uninstalledAt: null })
    .where("platform", "=", "slack")
    .where("externalId", "=", installation.teamId)
    .where("uninstalledAt", "is not", null)
    .returning("id")
    .executeTakeFirst();
  if (back)
    await db.updateTable("teams").set({ nextDueAt: null }).where("workspaceId", "=", back.id).execute();
}

export async function findSlackInstallation(db: Db, id: string): Promise<SealedInstallation | null> {
  const row = await db
    .selectFrom("slackInstallations")
    .select(["id", "enterpriseId", "teamId", "sealed"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ?? null;
}

/** Forgets the tokens and marks the workspace uninstalled: its teams' scheduled messages stop. */
export async function deleteSlackInstallation(
  db: Db,
  id: string,
  at: string,
  installedBefore: string | null,
): Promise<void> {
  const deleted = await db
    .deleteFrom("slackInstallations")
    .where("id", "=", id)
    .$if(installedBefore !== null, (q) => q.where("updatedAt", "<", installedBefore ?? ""))
    .executeTakeFirst();
  // Reinstalled since: the removal is history, and the workspace stays on.
  if (installedBefore !== null && Number(deleted.numDeletedRows) === 0) return;
  await db
    .updateTable("workspaces")
    .set({ uninstalledAt: at })
    .where("platform", "=", "slack")
    .where("externalId", "=", id)
    .where("uninstalledAt", "is", null)
    .execute();
}

export async function listSlackInstallations(db: Db): Promise<SealedInstallation[]> {
  return db
    .selectFrom("slackInstallations")
    .select(["id", "enterpriseId", "teamId", "sealed"])
    .orderBy("id")
    .execute();
}

/** Rewrites one sealed value, only if it is still the one read (a reinstall meanwhile wins). */
export async function resealSlackInstallation(
  db: Db,
  id: string,
  from: string,
  to: string,
): Promise<boolean> {
  const result = await db
    .updateTable("slackInstallations")
    .set({ sealed: to })
    .where("id", "=", id)
    .where("sealed", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function getWorkspace(
  db: Db,
  id: number,
): Promise<{ platform: string; externalId: string; uninstalledAt: string | null } | null> {
  const row = await db
    .selectFrom("workspaces")
    .select(["platform", "externalId", "uninstalledAt"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ?? null;
}
