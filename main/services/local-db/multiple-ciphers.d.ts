// The package ships typings its package.json "exports" hides from moduleResolution "bundler"; its
// API is better-sqlite3's (its typings are a copy of @types/better-sqlite3), so those types describe it.
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 from 'better-sqlite3';
  export default BetterSqlite3;
}
