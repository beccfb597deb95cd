// The shell: who is signed in, the menu for their role, and the hash router that shows one page at a time.
// A page module exports render(main, context) and may return a function that stops what the page started
// (event streams, audio, timers); it runs when the user leaves the page.
import { api } from './api.js';
import { h, fill, errorBox, title } from './ui.js';
import { ROUTES, HOME, match } from './routes.js';

const ROLE_NAMES = { teacher: 'teachers', school_manager: 'school managers', super_admin: 'super admins' };

const session = { me: null };
let leavePage = null;
let renderCount = 0;

export function currentUser() {
  return session.me;
}

export function navigate(path) {
  if (location.hash === `#${path}`) {
    route();
  } else {
    location.hash = path;
  }
}

export async function signedIn(user) {
  session.me = user;
  const wanted = sessionStorage.getItem('classreflect.after-login');
  sessionStorage.removeItem('classreflect.after-login');
  navigate(user.mustChangePassword ? '/account' : wanted || HOME[user.role]);
}

export async function refreshMe() {
  session.me = await api('/api/me');
  return session.me;
}

async function signOut() {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
  session.me = null;
  navigate('/login');
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search] = raw.split('?');
  return { path, query: new URLSearchParams(search || '') };
}

function renderMenu(activePath) {
  const nav = document.getElementById('nav');
  const me = session.me;
  if (!me) {
    fill(nav);
    return;
  }
  const offered = me.mustChangePassword ? [] : ROUTES.filter(r => r.menu && r.roles.includes(me.role));
  const links = offered.map(r =>
    h('a', { href: `#${r.path}`, 'aria-current': activePath.startsWith(r.path) ? 'page' : null }, r.menu));
  fill(nav, ...links,
    h('span', { class: 'who' }, me.displayName),
    h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
}

async function route() {
  const count = ++renderCount;
  if (leavePage) {
    leavePage();
    leavePage = null;
  }
  const { path, query } = parseHash();
  const main = document.getElementById('main');
  const found = match(path);
  if (path === '/' || !found) {
    if (!session.me) return navigate('/login');
    if (path === '/') return navigate(HOME[session.me.role]);
    renderMenu(path);
    fill(main, title('Page not found'), h('p', {}, 'There is no page at this address. ',
      h('a', { href: `#${HOME[session.me.role]}` }, 'Go to your start page.')));
    return;
  }
  const { route: target, params } = found;
  if (!target.public && !session.me) {
    sessionStorage.setItem('classreflect.after-login', path + (query.toString() ? `?${query}` : ''));
    return navigate('/login');
  }
  if (session.me && session.me.mustChangePassword && target.page !== 'account') {
    return navigate('/account');
  }
  renderMenu(path);
  if (target.roles && !target.roles.includes(session.me.role)) {
    const who = target.roles.map(r => ROLE_NAMES[r]).join(' and ');
    fill(main, title('Not available'), h('p', { class: 'error', role: 'alert' },
      `This page is for ${who}. `, h('a', { href: `#${HOME[session.me.role]}` }, 'Go to your start page.')));
    return;
  }
  try {
    const page = await import(`./pages/${target.page}.js`);
    if (count !== renderCount) return;
    main.replaceChildren();
    const leave = await page.render(main, { params, query, me: session.me });
    if (count !== renderCount) {
      if (typeof leave === 'function') leave();
      return;
    }
    leavePage = typeof leave === 'function' ? leave : null;
    main.focus({ preventScroll: true });
  } catch (e) {
    if (count === renderCount) fill(main, errorBox(e));
  }
}

function setUpMenuToggle() {
  const toggle = document.querySelector('.menu-toggle');
  const nav = document.getElementById('nav');
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  });
  nav.addEventListener('click', e => {
    if (e.target.closest('a')) {
      toggle.setAttribute('aria-expanded', 'false');
      nav.classList.remove('open');
    }
  });
}

async function start() {
  setUpMenuToggle();
  window.addEventListener('classreflect:signed-out', () => {
    if (session.me) {
      session.me = null;
      navigate('/login');
    }
  });
  window.addEventListener('hashchange', route);
  try {
    await refreshMe();
  } catch (e) {
    session.me = null;
  }
  route();
}

start();
