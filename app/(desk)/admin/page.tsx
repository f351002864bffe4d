import { redirect } from 'next/navigation';

/** The header's Admin link and old bookmarks land on the people page. */
export default function AdminPage(): never {
  redirect('/admin/users');
}
