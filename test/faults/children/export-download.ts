/**
 * A client process for fault tests: every main-process service composed as the app composes them over
 * the data folder ESD_DIR, signed in as ESD_EMAIL, downloading the privacy export ESD_EXPORT_ID from
 * the live server at ESD_API_URL. The parent test kills it with SIGKILL mid-download.
 */
import { desktopApp } from '../../integration/privacy/desktop-app';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const app = desktopApp({ url: env('ESD_API_URL') }, { email: env('ESD_EMAIL'), password: env('ESD_PASSWORD') }, { dataDir: env('ESD_DIR') });
await app.signIn();
console.log('SIGNED-IN');
const done = await app.services.privacy.downloadExport(env('ESD_EXPORT_ID'));
console.log(`DONE ${done.path}`);
await app.services.dispose();
