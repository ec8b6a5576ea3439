import { useEffect, useState } from 'react';
import { isReachable, onReachabilityChange } from './connectivity';
import { listQueued, onQueueChange, type QueuedCommand } from './queue';

/** The queue as it stands, re-read on every change, and whether the server can be reached. */
export function useQueue(): { items: QueuedCommand[]; online: boolean } {
  const [items, setItems] = useState<QueuedCommand[]>([]);
  const [online, setOnline] = useState(isReachable);
  useEffect(() => {
    const read = () => void listQueued().then(setItems, () => setItems([]));
    read();
    const off = onQueueChange(read);
    setOnline(isReachable());
    const unwatch = onReachabilityChange((reachable) => {
      setOnline(reachable);
      read();
    });
    return () => {
      off();
      unwatch();
    };
  }, []);
  return { items, online };
}
