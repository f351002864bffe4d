import { redirect } from 'next/navigation';

// The public front page arrives with publishing; until then the desk is the way in.
export default function Home(): never {
  redirect('/desk');
}
