/**
 * The composition root: the module list (modules.ts) turned into one installation — its
 * migrations, its policy table, its event subscriptions, its web app, its jobs and its CLI
 * commands. Everything that loops over the modules starts here; platform/ knows no module.
 */
import type { Hono } from 'hono';
import type { Migration } from 'kysely';
import { modules } from './modules.js';
import { composeMigrations, type Db, migrate, migrationStatus } from './platform/db.js';
import { platformMigrations } from './platform/migrations/index.js';
import type { Job } from './platform/module.js';
import { dispatchNotificationsJob } from './platform/notify.js';
import { deliverEventsJob, subscribe } from './platform/outbox.js';
import { createApp } from './platform/web/app.js';
import type { AppDeps, AppEnv } from './platform/web/env.js';

export { modules };

/** Every migration of the installation, in order. */
export const migrations: Record<string, Migration> = composeMigrations([
  platformMigrations,
  ...modules.map((m) => m.migrations ?? {}),
]);

export const migrateDatabase = (db: Db): Promise<string[]> => migrate(db, migrations);
export const migrationsStatus = (db: Db) => migrationStatus(db, migrations);

for (const m of modules) for (const [type, handler] of Object.entries(m.events ?? {})) subscribe(m.name, type, handler);

/** The background jobs of every module, with the platform's own. */
export const jobs: readonly Job[] = [
  dispatchNotificationsJob,
  deliverEventsJob,
  ...modules.flatMap((m) => m.jobs ?? []),
];

export function buildApp(deps: Omit<AppDeps, 'installation'>): Hono<AppEnv> {
  return createApp(deps, modules);
}
