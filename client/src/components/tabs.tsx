import type { ReactNode } from 'react';
import { Link, useLocation } from '../lib/router';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/** Sections of a page as links (`?tab=`), so the back button and bookmarks work. */
export function Tabs({ tabs, base }: { tabs: Tab[]; base: string }) {
  const { query } = useLocation();
  const current = tabs.find((t) => t.id === query.get('tab')) ?? tabs[0];
  return (
    <>
      <nav className="tabs" aria-label="เมนูของหน้านี้">
        {tabs.map((t) => (
          <Link key={t.id} href={`${base}?tab=${t.id}`} aria-current={t === current ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="tab-body">{current.render()}</div>
    </>
  );
}
