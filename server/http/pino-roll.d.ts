// pino-roll ships no types; this is the part of its API (README, v4) the reference API uses.
declare module 'pino-roll' {
  interface PinoRollOptions {
    file: string;
    /** e.g. '10m': a new file once this one reaches the size. */
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
  }
  /** A SonicBoom stream writing to `file.N.log`, rolled over by size or time. */
  export default function pinoRoll(options: PinoRollOptions): Promise<NodeJS.WritableStream & { end: () => void }>;
}
