import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { TELEMETRY_SCREENS } from '../../../shared/api/privacy';
import { privacyApi } from './privacy.api';

type Screen = (typeof TELEMETRY_SCREENS)[number];

/**
 * Tells main which top-level screen is shown (only its name from a fixed list). Main records it only
 * with analytics consent (P2.8), so nothing happens without it.
 */
export function UsageReporter() {
  const { pathname } = useLocation();
  const top = pathname.split('/')[1] ?? '';
  const screen: Screen = (TELEMETRY_SCREENS as readonly string[]).includes(top) ? (top as Screen) : 'other';
  useEffect(() => {
    void privacyApi.recordScreen(screen).catch(() => undefined); // statistics never disturb the user
  }, [screen]);
  return null;
}
