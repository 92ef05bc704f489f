// `npm run serve`: the team server. Settings come from the environment (config.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { buildApp } from './app.ts';

const config = readConfig();
// For a supervisor (and the load test) that signals the server process itself.
if (process.env.PID_FILE) writeFileSync(process.env.PID_FILE, String(process.pid));
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : config.dataDir,
});
const app = await buildApp({
  database,
  distDir: config.distDir,
  trustProxy: config.trustProxy,
  logger: true,
  trustedOrigins: config.trustedOrigins,
  secureCookies: config.secureCookies,
  passwordCost: config.passwordCost,
  oidc: config.oidc,
});

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Verbatim team server on port ${config.port}, ${database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}`,
);
