// The real service as its own process, exactly as `corong start` runs it (config from the environment, signals
// drain it), with a short delivery lease so a test that kills it need not wait 30 s for the lease to run out.
import { loadConfig } from "../../dist/src/config.js";
import { start } from "../../dist/src/main.js";

const leaseMs = Number(process.argv[2] ?? 30_000);
await start(loadConfig(), { service: { deliveryLeaseMs: leaseMs } });
