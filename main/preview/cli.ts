import { join } from 'node:path';
import { installLogSink } from '../services/logging/log';
import { levelFromEnvironment, openLogFile } from '../services/logging/log-files';
import { defaultPreviewDataDir, startPreview } from './start-preview';

// `npm run preview`: the app in your browser, against the embedded reference API with demo data.
const port = Number(process.env.PREVIEW_PORT ?? 5180);
const dataDir = process.env.PREVIEW_DATA_DIR ?? defaultPreviewDataDir();
// This process's log: <data folder>/logs/preview.N.log, redacted, as main.N.log in the app.
installLogSink(await openLogFile('preview', { folder: join(dataDir, 'logs'), level: levelFromEnvironment() }));
const preview = await startPreview({
  dataDir,
  // PREVIEW_DEMO=0 starts as an installed build's first run would: "Connect to your support service".
  demo: process.env.PREVIEW_DEMO !== '0',
  port,
  apiUrl: process.env.SUPPORT_API_URL,
  log: (line) => console.log(line),
});
console.log(`\nEnterprise Support Desktop preview: ${preview.url}`);
console.log(`Support API: ${preview.apiUrl}`);
if (preview.demoAccount) console.log(`Demo sign-in: ${preview.demoAccount.email} / ${preview.demoAccount.password}`);
console.log('Press Ctrl+C to stop.');

// No background task may end the process (issue 19): log it, and recover if the local database broke.
process.on('unhandledRejection', (error) => {
  console.error('A background task failed', error);
  preview.services.recovery.noticeError(error);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void preview.close().then(() => process.exit(0)));
}
