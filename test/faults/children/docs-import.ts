export {};

/**
 * The docs command-line import as a child process the parent can SIGKILL mid-import:
 * `npm run docs -- --db <ESD_DB> import <ESD_SOURCE>`, the same importer (worker thread) as the app.
 */
process.argv.push('--db', process.env.ESD_DB!, 'import', process.env.ESD_SOURCE!);
await import('../../../main/services/docs/docs-cli');
