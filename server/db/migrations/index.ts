import * as initial from './001-initial';

export type Migration = { version: number; name: string; up: string };

/** Applied in this order; append new ones, never edit or renumber an applied one. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: initial.name, up: initial.up }];
