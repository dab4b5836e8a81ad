/**
 * The composition: every capability of the installation, one line each, in dependency order
 * (a module may use the modules above it). See ARCHITECTURE.md.
 */
import { authModule } from './auth/index.js';
import { calendarModule } from './calendar/index.js';
import { catalogModule } from './catalog/index.js';
import { orgModule } from './org/index.js';
import type { Module } from './platform/module.js';
import { portalModule } from './portal/index.js';
import { publishingModule } from './publishing/index.js';
import { reportsModule } from './reports/index.js';
import { requestsModule } from './requests/index.js';
import { workbenchModule } from './workbench/index.js';

export const modules: readonly Module[] = [
  orgModule,
  authModule,
  calendarModule,
  catalogModule,
  publishingModule,
  requestsModule,
  reportsModule,
  portalModule,
  workbenchModule,
];
