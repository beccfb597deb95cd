// Shared by the super admin's pages: account creation with a temporary password, money and role labels.
import { api } from '../api.js';
import { h } from '../ui.js';

export const ROLE_LABELS = { teacher: 'Teacher', school_manager: 'School manager', super_admin: 'Super admin' };

export function money(amount) {
  const digits = amount !== 0 && Math.abs(amount) < 1 ? 4 : 2;
  return `$${amount.toFixed(digits)}`;
}

export function hours(value) {
  return value.toFixed(value < 10 ? 2 : 1);
}

/**
 * Creates an account with a temporary password chosen by the server, which the person must replace when they first
 * sign in. Resolves to { user, temporaryPassword }.
 */
export async function createAccount({ email, displayName, role, schoolId }) {
  const { temporaryPassword, ...user } = await api('/api/users', { method: 'POST',
    body: { email, displayName, role, schoolId: role === 'super_admin' ? null : schoolId } });
  return { user, temporaryPassword };
}

/** Shows a temporary password once, with what to do with it. */
export function temporaryPasswordNotice({ user, temporaryPassword }) {
  return h('div', { class: 'notice temp-password', role: 'status' },
    h('p', {}, `${user.displayName} (${user.email}) can now sign in with this temporary password. `,
      'It is shown only now; they choose their own when they first sign in.'),
    h('p', {}, h('code', { class: 'secret' }, temporaryPassword)));
}

export async function schoolsById() {
  const schools = await api('/api/schools');
  return new Map(schools.map(s => [s.id, s]));
}
