// `npm run team-admin -- create-admin <username> [display name]`: creates the first admin account
// (later accounts are made in the API by an admin). The password is read from the environment
// variable VERBATIM_ADMIN_PASSWORD, or typed at the prompt, never taken as an argument (it would
// stay in the shell's history).
import { createInterface } from 'node:readline/promises';
import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createAccount } from './auth/accounts.ts';

async function readPassword(): Promise<string> {
  if (process.env.VERBATIM_ADMIN_PASSWORD) return process.env.VERBATIM_ADMIN_PASSWORD;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question('Password for the new admin (at least 8 characters): ');
  } finally {
    prompt.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, username, ...name] = argv;
  if (command !== 'create-admin' || !username) {
    console.error('Usage: npm run team-admin -- create-admin <username> [display name]');
    return 2;
  }
  const password = await readPassword();
  if (password.length < 8) {
    console.error('The password must be at least 8 characters.');
    return 1;
  }
  const config = readConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  try {
    const user = await createAccount(
      database.db,
      {
        username,
        displayName: name.join(' ') || username,
        role: 'admin',
        password,
      },
      config.passwordCost,
    );
    if (!user) {
      console.error(`An account named "${username}" exists already.`);
      return 1;
    }
    console.log(
      `Admin "${user.username}" created in the ${database.kind === 'embedded' ? `embedded database (${config.dataDir})` : 'PostgreSQL database'}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
