import { useEffect, useState } from 'react';
import { listQueued, onQueueChange, type QueuedCommand } from './queue';

/** The queue as it stands, re-read on every change, and whether the browser is online. */
export function useQueue(): { items: QueuedCommand[]; online: boolean } {
  const [items, setItems] = useState<QueuedCommand[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const read = () => void listQueued().then(setItems, () => setItems([]));
    read();
    const off = onQueueChange(read);
    const on = () => {
      setOnline(navigator.onLine);
      read();
    };
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      off();
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);
  return { items, online };
}
