import { api } from '../api.js';
import { h, field, errorBox, title } from '../ui.js';
import { signedIn } from '../app.js';

export function render(main) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const problem = h('div');
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card narrow', onsubmit: async e => {
    e.preventDefault();
    problem.replaceChildren();
    submit.disabled = true;
    try {
      const answer = await api('/api/auth/login', { method: 'POST',
        body: { email: email.value.trim(), password: password.value } });
      await signedIn(answer.user);
    } catch (err) {
      problem.append(errorBox(err.status === 401 ? 'That email and password do not match an active account.' : err));
      password.select();
    } finally {
      submit.disabled = false;
    }
  } }, title('Sign in'), field('Email', email), field('Password', password), problem, submit);
  main.append(form);
  email.focus();
}
