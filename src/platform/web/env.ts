import type { Logger } from 'pino';
import type { Db } from '../db.js';
import type { Config } from '../config.js';
import type { SessionInfo } from '../access.js';
import type { Module, NavItem, PortalNavItem } from '../module.js';

/** What the portal needs to know about the county it serves (selected by host name). */
export interface SiteInfo {
  id: number;
  name: string;
  jurisdictionId: number;
  jurisdictionCode: string;
  jurisdictionName: string;
  /** The 县政府办公室 (主管部门) whose contact details the footer shows; may be absent. */
  office?: {
    id: number;
    name: string;
    officeName: string | null;
    address: string | null;
    phone: string | null;
    postcode: string | null;
    email: string | null;
    hours: string | null;
  };
}

/** What the app knows of the installation's modules (built once by createApp). */
export interface Installation {
  modules: readonly Module[];
  /** Back-office menu, in order. */
  nav: NavItem[];
  /** Portal main navigation, in order. */
  portalNav: PortalNavItem[];
  auditLabels: Record<string, string>;
  auditObjectTypes: Record<string, string>;
}

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Rendered public pages (created by createApp when not given). */
  pageCache?: import('./page-cache.js').PageCache;
  installation: Installation;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    site: SiteInfo | null;
    session: SessionInfo | undefined;
    csrf: string;
    elder: boolean;
    ip: string | null;
    secure: boolean;
  };
};
