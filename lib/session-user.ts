import type { Role } from './domain-constants';

/** The acting person as the domain and the UI see them: never the password hash. */
export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
};
