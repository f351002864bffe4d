'use client';

import { useEffect, useRef } from 'react';

/**
 * What a screen with autosaved text does as the person goes: a copy on this device when the page
 * is hidden or left, a save when it is hidden or the connection comes back, and the browser's
 * "Leave site?" while the server does not have every change. The article editor and the live
 * desk's composer both keep their text this way. The callbacks should be stable.
 *
 * Leaving for another desk screen (no beforeunload there) sends what is pending too, rather than
 * leave it to the next visit.
 */
export function useKeepOnLeaving({ writeCopy, saveNow, unsaved }: { writeCopy: () => void; saveNow: () => void; unsaved: () => boolean }): void {
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState !== 'hidden') return;
      writeCopy();
      saveNow();
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      writeCopy();
      if (unsaved()) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('online', saveNow);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', writeCopy);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('online', saveNow);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', writeCopy);
      writeCopy();
    };
  }, [saveNow, unsaved, writeCopy]);

  const saveOnUnmount = useRef(saveNow);
  useEffect(() => {
    saveOnUnmount.current = saveNow;
  }, [saveNow]);
  useEffect(() => () => saveOnUnmount.current(), []);
}
