// Every page of the app: its hash path, its module under js/pages/, who may open it, and its menu label.
// The server enforces access on every API call; these roles only decide what the menu offers and what a page
// says to someone who follows a link meant for another role.

export const TEACHER = 'teacher';
export const MANAGER = 'school_manager';
export const ADMIN = 'super_admin';
const EVERYONE = [TEACHER, MANAGER, ADMIN];

export const ROUTES = [
  { path: '/login', page: 'login', public: true },
  { path: '/dashboard', page: 'dashboard', roles: [MANAGER], menu: 'Dashboard' },
  { path: '/recordings', page: 'recordings', roles: EVERYONE, menu: 'Recordings' },
  { path: '/upload', page: 'upload', roles: [TEACHER, MANAGER], menu: 'Upload' },
  { path: '/recordings/:id', page: 'recording', roles: EVERYONE },
  { path: '/progress', page: 'progress', roles: [TEACHER], menu: 'My progress' },
  { path: '/teachers', page: 'teachers', roles: [MANAGER], menu: 'Teachers' },
  { path: '/teachers/:id/progress', page: 'progress', roles: [MANAGER, ADMIN] },
  { path: '/templates', page: 'templates', roles: [MANAGER, ADMIN], menu: 'Templates' },
  { path: '/templates/:id', page: 'template-editor', roles: [MANAGER, ADMIN] },
  { path: '/school-settings', page: 'school-settings', roles: [MANAGER], menu: 'School settings' },
  { path: '/admin/schools', page: 'admin-schools', roles: [ADMIN], menu: 'Schools' },
  { path: '/admin/users', page: 'admin-users', roles: [ADMIN], menu: 'Users' },
  { path: '/admin/system', page: 'admin-system', roles: [ADMIN], menu: 'System' },
  { path: '/admin/usage', page: 'admin-usage', roles: [ADMIN], menu: 'Usage & cost' },
  { path: '/privacy', page: 'privacy', roles: EVERYONE, menu: 'Privacy' },
  { path: '/account', page: 'account', roles: EVERYONE, menu: 'My account' },
];

export const HOME = { [TEACHER]: '/recordings', [MANAGER]: '/dashboard', [ADMIN]: '/admin/schools' };

/** The route a hash path names, with its :parameters; null when none does. */
export function match(path) {
  const parts = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    const fits = pattern.every((p, i) => {
      if (p.startsWith(':')) {
        try {
          params[p.slice(1)] = decodeURIComponent(parts[i]);
        } catch (e) {
          return false; // a malformed %-escape names no page
        }
        return true;
      }
      return p === parts[i];
    });
    if (fits) return { route, params };
  }
  return null;
}
