import Sqlite from "better-sqlite3";
import pg from "pg";
import type { TestDatabase } from "./databases.js";

/**
 * Holds the database from another connection until released, the way each engine can be held: the whole SQLite
 * file (an exclusive transaction), or one Postgres table (an exclusive table lock).
 */
export async function holdDatabase(database: TestDatabase, table = "inbox"): Promise<() => Promise<void>> {
  if (database.url.startsWith("sqlite:")) {
    const other = new Sqlite(database.url.slice("sqlite:".length));
    other.exec("begin exclusive");
    return async () => {
      other.exec("commit");
      other.close();
    };
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("begin");
  await client.query(`lock table ${table} in access exclusive mode`);
  return async () => {
    await client.query("commit");
    await client.end();
  };
}
