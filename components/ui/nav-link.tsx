'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * A header link that marks itself as the current section: its own page, and the pages under the
 * `sections` it names (by default, under itself).
 */
export function NavLink({ href, sections = [href], children }: { href: string; sections?: string[]; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || sections.some((section) => pathname.startsWith(`${section}/`));
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
