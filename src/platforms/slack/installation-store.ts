import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import { CorongError, causesOf } from "../../app/errors.js";
import type { Store } from "../../app/ports.js";
import type { Sealer } from "../../secrets/sealer.js";
import type { SlackInstallations } from "./slack-adapter.js";

/** No installation for the workspace an event came from: it never installed Corong, or removed it. */
export class NotInstalledError extends Error {
  constructor(readonly installationId: string) {
    super(`no Slack installation for ${installationId}`);
    this.name = "NotInstalledError";
  }
}

/** Where an installation is kept: by organisation for an org-wide install, else by workspace. */
export function installationIdOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!id)
    throw new Error("a Slack installation needs a team id (or an enterprise id for an org-wide install)");
  return id;
}

/**
 * Bolt's installation store over the Store port: installations live in the database, on every replica, sealed
 * with AES-256-GCM, bound to their own row. A database outage surfaces as the Store's "unavailable" (the delivery
 * is retried); only a missing row is `NotInstalledError` (the delivery is dropped as not ours).
 */
export function createInstallationStore(options: {
  store: Store;
  sealer: Sealer;
  clock: () => number;
}): SlackInstallations["store"] & {
  deleteInstallation: NonNullable<InstallationStore["deleteInstallation"]>;
} {
  const { store, sealer } = options;
  const at = () => new Date(options.clock()).toISOString();
  return {
    async storeInstallation(installation) {
      const id = installationIdOf({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      await store.saveSlackInstallation(
        {
          id,
          enterpriseId: installation.enterprise?.id ?? null,
          teamId: installation.team?.id ?? null,
          sealed: sealer.seal(JSON.stringify(installation), id),
        },
        at(),
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = installationIdOf(query);
      const row = await store.findSlackInstallation(id);
      if (!row) throw new NotInstalledError(id);
      try {
        return JSON.parse(sealer.open(row.sealed, id)) as Installation;
      } catch (error) {
        // Sealed with a key this process was not given (a rotation half rolled out): retried, as an outage is,
        // until the key is configured, rather than given up after a few tries.
        throw new CorongError("unavailable", `the Slack installation of ${id} does not open`, {
          cause: error,
        });
      }
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.deleteSlackInstallation(installationIdOf(query), at(), null);
    },
    async forgetInstalledBefore(query, before) {
      await store.deleteSlackInstallation(installationIdOf(query), at(), before);
    },
  };
}

/** Whether `error` (as Bolt and the OAuth library wrap it) comes from a workspace with no installation. */
export function isNotInstalled(error: unknown): boolean {
  return causesOf(error).some((e) => e instanceof NotInstalledError);
}

/**
 * Seals every installation with the current key (after CORONG_ENCRYPTION_KEY changed, the old one moved to
 * CORONG_PREVIOUS_ENCRYPTION_KEYS). Safe to run while replicas serve: a row changed meanwhile is left to its
 * newer value, which the current key sealed anyway.
 */
export async function resealInstallations(
  store: Store,
  sealer: Sealer,
): Promise<{ resealed: number; alreadyCurrent: number }> {
  let resealed = 0;
  let alreadyCurrent = 0;
  for (const row of await store.listSlackInstallations()) {
    if (sealer.isCurrent(row.sealed)) {
      alreadyCurrent += 1;
      continue;
    }
    let plain: string;
    try {
      plain = sealer.open(row.sealed, row.id);
    } catch (error) {
      throw new Error(`the installation of ${row.id} does not open: ${(error as Error).message}`);
    }
    const fresh = sealer.seal(plain, row.id);
    if (await store.resealSlackInstallation(row.id, row.sealed, fresh)) resealed += 1;
  }
  return { resealed, alreadyCurrent };
}
