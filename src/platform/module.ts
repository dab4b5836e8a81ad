/**
 * The module contract. Every capability is a folder that exports one `Module` object from its
 * `index.ts`, with only the parts it has; `src/modules.ts` lists them, and the app, the navigation,
 * the policy table, the job runner, the CLI, the outbox and the workbench loop over that list.
 * Adding a capability is a new folder plus one line there. See ARCHITECTURE.md.
 */
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Migration } from 'kysely';
import type { Logger } from 'pino';
import type { Action, Actor, Policies, SessionInfo, UserActor } from './access.js';
import type { Config } from './config.js';
import type { Db } from './db.js';
import type { EventHandler } from './outbox.js';
import type { AppEnv, SiteInfo } from './web/env.js';

/** A link in the back-office navigation, shown to whoever may perform `action` (everyone when absent). */
export interface NavItem {
  href: string;
  label: string;
  /** Marks the current page (`current` of AdminLayout). */
  key: string;
  /** Position in the menu: lower first (工作台 0, 修改密码 1000). */
  order: number;
  action?: Action;
  /** Shown when the actor may perform any of these (instead of one `action`). */
  anyOf?: Action[];
}

/** A column in the portal's main navigation. */
export interface PortalNavItem {
  href: string;
  label: string;
  key: string;
  order: number;
}

export interface JobContext {
  db: Db;
  config: Config;
  logger: Logger;
  /** Tell every app server that public pages changed (the job published or withdrew something). */
  invalidatePages(): Promise<void>;
}

/**
 * A background job. The runner takes a lease in the database before each run, so that among
 * several app servers exactly one runs it per interval (platform/jobs.ts).
 */
export interface Job {
  /** Unique; also the lease key. */
  name: string;
  label: string;
  everyMs: number;
  /** Returns a short summary for the log when it did something. */
  run(ctx: JobContext): Promise<string | undefined>;
}

export interface CliContext {
  config: Config;
  out(line: string): void;
  err(line: string): void;
  /** The migrated database; `readOnly` commands leave running servers' page caches alone. */
  withDb<T>(fn: (db: Db) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T>;
}

/** A command of `gongkai <name>`. */
export interface CliCommand {
  name: string;
  /** The lines `gongkai help` prints for it (usage and a short explanation, in Chinese). */
  help: string;
  /** Runs without configuration or database (pure commands such as `timelimit`). */
  standalone?: boolean;
  run(args: string[], ctx: CliContext): Promise<number>;
}

export interface WorkbenchContext {
  db: Db;
  actor: UserActor;
  site: SiteInfo | null;
  today: string;
}

/** What a module puts on the workbench (工作台) of the signed-in person. */
export type WorkbenchEntry =
  /** A reminder at the top of the page, with a link to where it is dealt with. */
  | { kind: 'notice'; text: string; href: string; linkText: string; alert?: boolean }
  /** A summary card (e.g. 信息公开时限). */
  | { kind: 'card'; body: Child }
  /** Work waiting for this person: a count and the list where it is. */
  | { kind: 'todo'; label: string; count: number; href: string; overdue?: boolean };

export interface DemoContext {
  db: Db;
  actor: Actor;
}

export interface Module {
  /** The folder name, also the prefix of its actions, audit entries and settings. */
  name: string;
  /** What it is, in Chinese (shown in `gongkai help` and the docs). */
  label: string;
  /**
   * Migrations by name. Names order globally ('0003_catalog' runs before '0004_requests'); when
   * several modules contribute parts of one migration under the same name, the parts run in the
   * order of the module list, inside that one migration.
   */
  migrations?: Record<string, Migration>;
  /** Actions and the roles that may perform them (see platform/access.ts). */
  policies?: Policies;
  /** Labels of the module's audit actions and object types for the audit log page. */
  auditLabels?: Record<string, string>;
  auditObjectTypes?: Record<string, string>;
  /** Pages and forms of the public portal, mounted at '/'. */
  portalRoutes?: () => Hono<AppEnv>;
  /** Back-office pages, mounted at '/admin' behind the sign-in guard. */
  adminRoutes?: () => Hono<AppEnv>;
  /** JSON API, mounted at '/api/v1'. */
  apiRoutes?: () => Hono<AppEnv>;
  nav?: NavItem[];
  portalNav?: PortalNavItem[];
  jobs?: Job[];
  cli?: CliCommand[];
  /** Reminders, cards and to-do items for the workbench. */
  todo?(ctx: WorkbenchContext): Promise<WorkbenchEntry[]>;
  /** Handlers of domain events from the outbox, by event type (platform/outbox.ts). */
  events?: Record<string, EventHandler>;
  /** The portal (county) a host name serves (the module that owns sites). */
  resolveSite?(db: Db, hostname: string): Promise<SiteInfo | null>;
  /** Resolves a session cookie to the signed-in person (the module that owns accounts). */
  resolveSession?(db: Db, token: string | undefined, ip: string | null): Promise<SessionInfo | undefined>;
  /** Loads the module's part of the fictional 示范县 into an empty database (in module order). */
  seedDemo?(ctx: DemoContext): Promise<void>;
}
