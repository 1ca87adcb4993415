import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RankedEntry } from '../../../shared/palette-ranking';
import { osNavigationApi } from './palette.api';
import { usePaletteResults } from './use-palette-results';
import './palette.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const PALETTE_SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';

/** Moves to an entry's screen, then to the control it names (settings entries carry #id). */
export function useOpenPath() {
  const navigate = useNavigate();
  return (path: string) => {
    const [pathname, focusId] = path.split('#');
    // The shell focuses this control (else the page) once the route has rendered.
    navigate(pathname ?? '/', { state: focusId ? { focus: focusId } : null });
  };
}

/** Ctrl/Cmd+K (or the menu, or the header button): one search over docs, tickets, software and settings. */
export function CommandPalette() {
  const { t } = useTranslation();
  const [open, setOpenState] = useState(false);
  const chosen = useRef(false);
  const setOpen = (next: boolean) => {
    if (next) chosen.current = false;
    setOpenState(next);
  };

  useEffect(() => {
    const openPalette = () => {
      chosen.current = false;
      setOpenState(true);
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
      }
    };
    window.addEventListener('keydown', onKey);
    const offCommand = osNavigationApi.onCommand(({ command }) => command === 'openPalette' && openPalette());
    return () => {
      window.removeEventListener('keydown', onKey);
      offCommand();
    };
  }, []);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="button button--small palette__trigger" aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
        {t('palette.open')} <kbd>{PALETTE_SHORTCUT}</kbd>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="modal__overlay" />
        <Dialog.Content
          className="modal palette"
          aria-describedby="palette-hint"
          // Focus goes to the chosen screen, not back to the button that opened the palette.
          onCloseAutoFocus={(event) => chosen.current && event.preventDefault()}
        >
          {open && (
            <PaletteBody
              onDone={() => {
                chosen.current = true;
                setOpen(false);
              }}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PaletteBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { entries, searching, failed } = usePaletteResults(query);
  const openPath = useOpenPath();
  const current = Math.min(active, Math.max(entries.length - 1, 0));

  const choose = (entry: RankedEntry | undefined) => {
    if (!entry) return;
    onDone();
    openPath(entry.path);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: entries.length - 1, PageDown: current + 5, PageUp: current - 5 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(entries.length - 1, moves[event.key]!)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(entries[current]);
    }
  };

  const optionId = (index: number) => `palette-option-${index}`;
  return (
    <>
      <Dialog.Title className="palette__title">{t('palette.title')}</Dialog.Title>
      <input
        className="input palette__input"
        role="combobox"
        aria-label={t('palette.label')}
        aria-expanded={entries.length > 0}
        aria-controls="palette-results"
        aria-autocomplete="list"
        aria-activedescendant={entries.length ? optionId(current) : undefined}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
        spellCheck={false}
      />
      <p id="palette-hint" className="field__hint">
        {t('palette.hint')}
      </p>
      <ul id="palette-results" role="listbox" aria-label={t('palette.results')} className="palette__list">
        {entries.map((entry, index) => (
          <li
            key={`${entry.kind}:${entry.id}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'palette__option palette__option--active' : 'palette__option'}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(entry)}
          >
            <span className="palette__kind">{t(`palette.kinds.${entry.kind}`)}</span>
            <span className="palette__text">
              <span className="palette__option-title">{entry.title}</span>
              {entry.subtitle && <span className="palette__subtitle">{entry.subtitle}</span>}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="field__hint">
        {searching
          ? t('palette.searching')
          : query.trim() && entries.length === 0
            ? t('palette.empty', { query: query.trim() })
            : t('palette.count', { count: entries.length })}
        {failed.length > 0 && ` ${t('palette.partial', { sources: failed.map((source) => t(`nav.${source}`)).join(', ') })}`}
      </p>
    </>
  );
}
