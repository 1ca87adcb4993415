import * as initial from './001-initial';
import * as docs from './002-docs';
import * as software from './003-software';
import * as tickets from './004-tickets';
import * as privacy from './005-privacy';
import * as liftRestriction from './006-lift-restriction';
import * as loginFailures from './007-login-failures';
import * as tenantCounters from './008-tenant-counters';
import * as productTexts from './009-product-texts';
import * as analysisObjection from './010-analysis-objection';

export type Migration = { version: number; name: string; up: string };

/** Applied in this order; append new ones, never edit or renumber an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: initial.name, up: initial.up },
  { version: 2, name: docs.name, up: docs.up },
  { version: 3, name: software.name, up: software.up },
  { version: 4, name: tickets.name, up: tickets.up },
  { version: 5, name: privacy.name, up: privacy.up },
  { version: 6, name: liftRestriction.name, up: liftRestriction.up },
  { version: 7, name: loginFailures.name, up: loginFailures.up },
  { version: 8, name: tenantCounters.name, up: tenantCounters.up },
  { version: 9, name: productTexts.name, up: productTexts.up },
  { version: 10, name: analysisObjection.name, up: analysisObjection.up },
];
