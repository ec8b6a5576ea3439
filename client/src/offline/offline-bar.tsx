import { useEffect } from 'react';
import { Link } from '../lib/router';
import { thaiNumber } from '../lib/thai';
import { useQueue } from './use-queue';
import './offline.css';

/** A strip at the bottom of every screen: offline, and how many writes wait (รอส่ง) or were refused. */
export function OfflineBar() {
  const { items, online } = useQueue();
  const waiting = items.filter((i) => i.state === 'PENDING').length;
  const refused = items.length - waiting;
  const visible = !online || items.length > 0;
  // Room under the page for the strip, so it never covers the last field or button.
  useEffect(() => {
    document.body.classList.toggle('has-offline-bar', visible);
  }, [visible]);
  if (!visible) return null;
  return (
    <div className="offline-bar" role="status" aria-live="polite">
      {!online ? <span className="offline-dot">ออฟไลน์</span> : null}
      {waiting ? <span>รอส่ง {thaiNumber(waiting)} รายการ</span> : null}
      {refused ? <span className="offline-refused">ส่งไม่สำเร็จ {thaiNumber(refused)} รายการ</span> : null}
      {items.length ? <Link href="/offline-queue">ดูรายการ</Link> : <span>ข้อมูลที่บันทึกจะรอส่งเมื่อกลับมาออนไลน์</span>}
    </div>
  );
}
