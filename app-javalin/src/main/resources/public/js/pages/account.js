import { api } from '../api.js';
import { h, field, errorBox, title, toast } from '../ui.js';
import { refreshMe, navigate } from '../app.js';
import { HOME } from '../routes.js';

export function render(main, { me }) {
  const current = h('input', { type: 'password', name: 'current', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', name: 'new', autocomplete: 'new-password', required: true,
    minlength: 10 });
  const again = h('input', { type: 'password', name: 'again', autocomplete: 'new-password', required: true });
  const problem = h('div');
  const form = h('form', { class: 'card narrow', onsubmit: async e => {
    e.preventDefault();
    problem.replaceChildren();
    if (next.value !== again.value) {
      problem.append(errorBox('The two new passwords are not the same.'));
      again.focus();
      return;
    }
    try {
      await api('/api/me/password', { method: 'POST',
        body: { currentPassword: current.value, newPassword: next.value } });
      const user = await refreshMe();
      toast('Your password has been changed.', 'success');
      navigate(HOME[user.role]);
    } catch (err) {
      problem.append(errorBox(err));
    }
  } },
  title(me.mustChangePassword ? 'Choose your own password' : 'My account'),
  me.mustChangePassword
    ? h('p', { class: 'notice' }, 'You are signed in with a password that was given to you. Choose your own before you go on.')
    : h('p', {}, `Signed in as ${me.displayName} (${me.email}).`),
  field('Current password', current),
  field('New password', next, 'At least 10 characters.'),
  field('New password again', again),
  problem,
  h('button', { type: 'submit', class: 'primary' }, 'Change password'));
  main.append(form);
  current.focus();
}
