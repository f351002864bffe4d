import { NavLink } from '@/components/ui/nav-link';

/** An admin page's heading, with the admin's pages beside it on each of them. */
export function AdminPageHead({ title }: { title: string }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      <nav className="admin-nav" aria-label="Admin">
        <NavLink href="/admin/users">People</NavLink>
        <NavLink href="/admin/sections">Sections</NavLink>
        <NavLink href="/admin/tags">Tags</NavLink>
        <NavLink href="/admin/authors">Authors</NavLink>
        <NavLink href="/admin/wire-sources">Wire sources</NavLink>
        <NavLink href="/admin/settings">Settings</NavLink>
        <NavLink href="/admin/audit">Audit log</NavLink>
      </nav>
    </div>
  );
}
