// Small pieces the manager pages share.
import { h, toast } from '../ui.js';

/** A score 0..100 as shown to managers; a dash when there is none. */
export function score(value) {
  return value === null || value === undefined ? '–' : String(Math.round(value));
}

/** A stat card; with an href the whole card is a link into the list behind the figure. */
export function statCard(label, value, href) {
  const body = [h('div', { class: 'value' }, value), h('div', { class: 'label' }, label)];
  return href ? h('a', { class: 'stat stat-link', href }, ...body) : h('div', { class: 'stat' }, ...body);
}

/**
 * A table in its scrolling wrapper, with a caption for screen readers; on a phone each row becomes a card with every
 * value under its column's name.
 */
export function table(caption, headings, rows) {
  const body = h('tbody', {}, rows);
  for (const row of body.rows) {
    [...row.cells].forEach((cell, i) => { if (headings[i] && !cell.dataset.label) cell.dataset.label = headings[i]; });
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack-on-phone' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headings.map(t => h('th', { scope: 'col' }, t)))), body));
}

/** A temporary password, shown once with a copy button. */
export function passwordReveal(user, password) {
  const code = h('code', { class: 'temp-password' }, password);
  return h('div', { class: 'notice temp-password-box', role: 'status' },
    h('p', {}, `Temporary password for ${user.displayName} (${user.email}). It is shown only now; `
      + 'they must choose their own when they first sign in.'),
    h('div', { class: 'actions' }, code,
      h('button', { type: 'button', onclick: async () => {
        try {
          await navigator.clipboard.writeText(password);
          toast('Copied.', 'success');
        } catch (e) {
          toast('Copying is not allowed here; select the password and copy it yourself.', 'error');
        }
      } }, 'Copy')));
}

/** "Maths, Science" <-> ['Maths', 'Science'] for list fields. */
export function splitList(text) {
  return text.split(',').map(s => s.trim()).filter(Boolean);
}

/**
 * The page's own container inside main. Pages fill it after awaiting the server; if the user has moved on by then,
 * the container is detached and the late answer lands nowhere instead of over the next page.
 */
export function own(main) {
  const root = h('div', { class: 'page' });
  main.append(root);
  return root;
}
