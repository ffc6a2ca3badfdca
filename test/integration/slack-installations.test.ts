import { randomBytes } from "node:crypto";
import { App, type Installation, LogLevel } from "@slack/bolt";
import { InstallProvider } from "@slack/oauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorongError, isUnavailable } from "../../src/app/errors.js";
import type { Store } from "../../src/app/ports.js";
import { createStore } from "../../src/db/store.js";
import {
  createInstallationStore,
  isNotInstalled,
  resealInstallations,
} from "../../src/platforms/slack/installation-store.js";
import { createSealer } from "../../src/secrets/sealer.js";
import { runCli } from "../support/cli.js";
import { DIALECTS, type DialectUnderTest, type TestDatabase } from "../support/databases.js";
import { slackFixture } from "../support/slack-client.js";

const SQLITE = DIALECTS[0] as DialectUnderTest;

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);
const AT = "2026-12-01T00:00:00.000Z";

function installationOf(teamId: string, token: string): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: "U0INSTALLR" },
    bot: { token, scopes: ["chat:write"], id: "B1", userId: "UBOT1" },
    isEnterpriseInstall: false,
    authVersion: "v2",
  };
}
const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });

describe.each(DIALECTS)("Slack installations in the database on $name", (dialect) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await dialect.create();
    store = createStore(database.connection.db);
  });
  afterEach(async () => {
    await database.drop();
  });

  it("keeps each workspace's installation sealed, and none leaks into another's row", async () => {
    const installations = createInstallationStore({
      store,
      sealer: createSealer(KEY_A),
      clock: () => Date.parse(AT),
    });
    await installations.storeInstallation(installationOf("T0001", "xoxb-one"));
    await installations.storeInstallation(installationOf("T0002", "xoxb-two"));
    expect((await installations.fetchInstallation(query("T0001"))).bot?.token).toBe("xoxb-one");
    const rows = await database.connection.db.selectFrom("slackInstallations").selectAll().execute();
    expect(rows.map((r) => r.id).sort()).toEqual(["T0001", "T0002"]);
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/xoxb-/);
    // A sealed value copied onto another workspace's row does not open there.
    const one = rows.find((r) => r.id === "T0001");
    await database.connection.db
      .updateTable("slackInstallations")
      .set({ sealed: one?.sealed ?? "" })
      .where("id", "=", "T0002")
      .execute();
    // Retried as an outage (the key may come back), never read as "not installed" and dropped.
    const moved = await installations.fetchInstallation(query("T0002")).catch((error: unknown) => error);
    expect(isUnavailable(moved)).toBe(true);
    expect(isNotInstalled(moved)).toBe(false);
    const missing = await installations.fetchInstallation(query("T0404")).catch((error: unknown) => error);
    expect(isNotInstalled(missing)).toBe(true);
  });

  it("stops an uninstalled workspace's teams in the scheduler and brings them back, due at once, on reinstall", async () => {
    const installations = createInstallationStore({
      store,
      sealer: createSealer(KEY_A),
      clock: () => Date.parse(AT),
    });
    await installations.storeInstallation(installationOf("T0001", "xoxb-one"));
    const workspaceId = await store.ensureWorkspace("slack", "T0001", "One", AT);
    const team = await store.createTeam(
      { workspaceId, externalId: "C1", name: "#sales", timezone: "Asia/Jakarta", locale: "en" },
      AT,
    );
    const due = async () => (await store.listDueTeamsWithPlatform(AT)).map((d) => d.team.id);
    expect(await due()).toEqual([team.id]);
    await store.setTeamsNextDue([{ team, nextDueAt: "2026-12-05T00:00:00.000Z" }], AT);
    expect(await due()).toEqual([]);

    await installations.deleteInstallation(query("T0001"));
    expect((await store.getWorkspace(workspaceId))?.uninstalledAt).not.toBeNull();
    expect(await store.listDueTeamsWithPlatform("2026-12-06T00:00:00.000Z")).toEqual([]);

    await installations.storeInstallation(installationOf("T0001", "xoxb-again"));
    expect((await store.getWorkspace(workspaceId))?.uninstalledAt).toBeNull();
    // Looked at on the very next tick, not at the instant worked out before it left.
    expect(await due()).toEqual([team.id]);
  });

  it("reseals every installation with the new key, and a value changed meanwhile keeps its newer one", async () => {
    const before = createInstallationStore({
      store,
      sealer: createSealer(KEY_A),
      clock: () => Date.parse(AT),
    });
    await before.storeInstallation(installationOf("T0001", "xoxb-one"));
    await before.storeInstallation(installationOf("T0002", "xoxb-two"));
    const rotated = createSealer(KEY_B, [KEY_A]);
    expect(await resealInstallations(store, rotated)).toEqual({ resealed: 2, alreadyCurrent: 0 });
    expect(await resealInstallations(store, rotated)).toEqual({ resealed: 0, alreadyCurrent: 2 });
    const after = createInstallationStore({
      store,
      sealer: createSealer(KEY_B),
      clock: () => Date.parse(AT),
    });
    expect((await after.fetchInstallation(query("T0002"))).bot?.token).toBe("xoxb-two");

    const row = await store.findSlackInstallation("T0001");
    await after.storeInstallation(installationOf("T0001", "xoxb-newer"));
    expect(await store.resealSlackInstallation("T0001", row?.sealed ?? "", "stale")).toBe(false);
    expect((await after.fetchInstallation(query("T0001"))).bot?.token).toBe("xoxb-newer");
  });
});

describe("corong reseal", () => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await SQLITE.create();
    store = createStore(database.connection.db);
  });
  afterEach(async () => {
    await database.drop();
  });

  it("rewrites the tokens with the new key from the command line", async () => {
    const before = createInstallationStore({
      store,
      sealer: createSealer(KEY_A),
      clock: () => Date.parse(AT),
    });
    await before.storeInstallation(installationOf("T0001", "xoxb-one"));
    const run = await runCli(["reseal"], {
      env: {
        DATABASE_URL: database.url,
        CORONG_ENCRYPTION_KEY: KEY_B.toString("base64"),
        CORONG_PREVIOUS_ENCRYPTION_KEYS: KEY_A.toString("hex"),
      },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Resealed 1 Slack installation(s)");
    const after = createInstallationStore({
      store,
      sealer: createSealer(KEY_B),
      clock: () => Date.parse(AT),
    });
    expect((await after.fetchInstallation(query("T0001"))).bot?.token).toBe("xoxb-one");

    const withoutOldKey = await runCli(["reseal"], {
      env: { DATABASE_URL: database.url, CORONG_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    });
    expect(withoutOldKey.code).not.toBe(0);
    expect(withoutOldKey.stderr).toContain("CORONG_PREVIOUS_ENCRYPTION_KEYS");
  });
});

describe("authorizing a Slack delivery when the database is out", () => {
  it("reads as an outage to the inbox (retried), however Bolt and the OAuth library wrap it", async () => {
    const outage = new CorongError("unavailable", "database unreachable");
    const installer = new InstallProvider({
      clientId: "1.2",
      clientSecret: "s",
      stateSecret: "a-long-random-state-secret",
      installationStore: {
        storeInstallation: async () => {},
        fetchInstallation: async () => {
          throw outage;
        },
      },
      logLevel: LogLevel.ERROR,
    });
    const receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
    const app = new App({ authorize: installer.authorize, receiver, logLevel: LogLevel.ERROR });
    app.message(async () => {});
    // As the adapter does: a failed authorization goes back to the inbox, unwrapped one level.
    app.error(async (error) => {
      throw (error as { original?: unknown }).original ?? error;
    });
    const body = slackFixture("message-channel.json");
    const failure = await app.processEvent({ body, ack: async () => {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isUnavailable(failure)).toBe(true);
    expect(isNotInstalled(failure)).toBe(false);
  });
});
