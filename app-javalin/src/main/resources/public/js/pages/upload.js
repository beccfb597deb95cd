// #/upload: several lesson recordings at once, each with its own progress bar and its own error, then links to them.
// In AWS mode the browser sends each file straight to S3 with a signed address; otherwise to POST /api/recordings.
import { api, readResponse, ApiError, CLIENT_HEADERS } from '../api.js';
import { h, fill, field, errorBox, title, formatBytes, skeleton } from '../ui.js';
import { MANAGER } from '../routes.js';

export async function render(main, { me }) {
  fill(main, title('Upload recordings'), skeleton('card', 'Loading the upload form'));
  let options;
  let templates;
  let settings = null;
  let teachers = [];
  try {
    [options, templates] = await Promise.all([api('/api/recordings/upload-options'), api('/api/templates')]);
    settings = await api(`/api/schools/${encodeURIComponent(me.schoolId)}/settings`).catch(() => null);
    if (me.role === MANAGER) {
      teachers = (await api(`/api/users?schoolId=${encodeURIComponent(me.schoolId)}`))
        .filter(u => u.role === 'teacher' && u.active);
    }
  } catch (e) {
    fill(main, title('Upload recordings'), errorBox(e));
    return;
  }

  const extensions = options.formats.flatMap(f => f.extensions);
  const typeOf = name => {
    const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
    const format = options.formats.find(f => f.extensions.includes(ext));
    return format ? format.contentType : '';
  };
  const files = [];
  const aborters = new Set();

  const picker = h('input', { type: 'file', multiple: true, accept: ['audio/*', ...extensions].join(','),
    class: 'visually-hidden', id: 'upload-files' });
  const drop = h('div', { class: 'drop-zone' },
    h('p', {}, h('strong', {}, 'Drag lesson recordings here'), ' or '),
    h('label', { for: 'upload-files', class: 'button' }, 'Choose files'),
    picker,
    h('p', { class: 'hint' }, `${options.formats.map(f => f.name.replace('_AUDIO', '')).join(', ')} · up to `,
      formatBytes(options.maxBytes), ' each'));
  const list = h('ul', { class: 'upload-list', 'aria-label': 'Files to upload' });

  const teacher = h('select', { name: 'teacherId', required: true }, h('option', { value: '' }, 'Choose a teacher'),
    teachers.map(t => h('option', { value: t.id }, t.displayName)));
  const lessonName = h('input', { type: 'text', name: 'lessonName', maxlength: 200,
    placeholder: 'e.g. Photosynthesis, part 2' });
  const className = h('input', { type: 'text', name: 'className', maxlength: 200, placeholder: 'e.g. 5B' });
  const subject = h('input', { type: 'text', name: 'subject', maxlength: 100, placeholder: 'e.g. Science' });
  const grade = h('input', { type: 'text', name: 'grade', maxlength: 50, placeholder: 'e.g. 5' });
  const notes = h('textarea', { name: 'notes', rows: 2, placeholder: 'Anything you want to remember about the lesson' });
  const defaultTemplate = settings && settings.defaultTemplateId;
  const template = h('select', { name: 'templateId' },
    h('option', { value: '' }, defaultTemplate ? 'The school\'s default' : 'No analysis for now'),
    templates.items.map(t => h('option', { value: t.id, selected: t.id === defaultTemplate },
      t.id === defaultTemplate ? `${t.name} (school default)` : t.name)));
  const problem = h('div');
  const send = h('button', { type: 'submit', class: 'primary', disabled: true }, 'Upload');

  const form = h('form', { class: 'upload-form', novalidate: true, onsubmit: e => { e.preventDefault(); start(); } },
    h('section', { class: 'card' }, h('h2', {}, '1. Recordings'), drop, list),
    h('section', { class: 'card' }, h('h2', {}, '2. About the lesson'),
      h('p', { class: 'hint' }, 'These details apply to every file in this upload.'),
      me.role === MANAGER ? field('Teacher', teacher, 'Whose lesson this is.') : null,
      field('Lesson name (optional)', lessonName, 'Shown before the class, subject and date.'),
      h('div', { class: 'field-row' }, field('Class', className), field('Subject', subject), field('Grade', grade)),
      field('Notes', notes),
      field('Analysis template', template, 'Which criteria the lesson is analysed against. You can ask for another later.')),
    problem,
    h('div', { class: 'actions' }, send, options.directUpload
      ? h('span', { class: 'hint' }, 'Files go straight to secure storage.') : null));
  fill(main, title('Upload recordings'), form);

  picker.addEventListener('change', () => { add(picker.files); picker.value = ''; });
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('dragging');
    add(e.dataTransfer.files);
  });

  function add(chosen) {
    for (const file of chosen) {
      const item = { file, state: 'waiting' };
      item.bar = h('progress', { max: 100, value: 0, 'aria-label': `Upload of ${file.name}` });
      item.message = h('span', { class: 'upload-message' });
      item.remove = h('button', { type: 'button', class: 'link', onclick: () => {
        files.splice(files.indexOf(item), 1);
        item.row.remove();
        refresh();
      } }, h('span', { class: 'visually-hidden' }, `Remove ${file.name}`), h('span', { 'aria-hidden': 'true' }, 'Remove'));
      item.row = h('li', { class: 'upload-item', dataset: { state: 'waiting' } },
        h('span', { class: 'upload-name' }, file.name), h('span', { class: 'muted' }, formatBytes(file.size)),
        item.bar, item.message, item.remove);
      if (file.size > options.maxBytes) {
        fail(item, `This file is larger than the limit of ${formatBytes(options.maxBytes)}.`);
      } else if (!typeOf(file.name) && !(file.type || '').startsWith('audio/')) {
        fail(item, `This does not look like an audio file; use ${extensions.join(' ')}.`);
      }
      files.push(item);
      list.append(item.row);
    }
    refresh();
  }

  function refresh() {
    const waiting = files.filter(f => f.state === 'waiting').length;
    send.disabled = waiting === 0;
    send.textContent = waiting > 1 ? `Upload ${waiting} files` : 'Upload';
  }

  function fail(item, error) {
    item.state = 'failed';
    item.row.dataset.state = 'failed';
    item.bar.hidden = true;
    fill(item.message, errorBox(error));
  }

  async function start() {
    problem.replaceChildren();
    if (me.role === MANAGER && !teacher.value) {
      problem.append(errorBox('Choose the teacher whose lesson this is.'));
      teacher.focus();
      return;
    }
    send.disabled = true;
    const details = { teacherId: teacher.value, className: className.value, subject: subject.value,
      grade: grade.value, notes: notes.value, lessonName: lessonName.value, templateId: template.value };
    for (const item of files.filter(f => f.state === 'waiting')) {
      item.state = 'sending';
      item.row.dataset.state = 'sending';
      item.remove.hidden = true;
      fill(item.message, 'Uploading…');
      try {
        const recording = options.directUpload ? await sendToStorage(item, details) : await sendToApi(item, details);
        item.state = 'done';
        item.row.dataset.state = 'done';
        item.bar.value = 100;
        fill(item.message, 'Uploaded · ', h('a', { href: `#/recordings/${encodeURIComponent(recording.id)}` },
          'Open the recording'));
      } catch (e) {
        fail(item, e);
      }
    }
    refresh();
  }

  function sendToApi(item, details) {
    const body = new FormData();
    for (const [k, v] of Object.entries(details)) if (v) body.append(k, v);
    body.append('file', item.file, item.file.name);
    return transfer(item, 'POST', '/api/recordings', { ...CLIENT_HEADERS, Accept: 'application/json' }, body);
  }

  async function sendToStorage(item, details) {
    const started = await api('/api/recordings/direct', { method: 'POST', body: {
      fileName: item.file.name, contentType: item.file.type || typeOf(item.file.name), sizeBytes: item.file.size,
      teacherId: details.teacherId || null, className: details.className, subject: details.subject,
      grade: details.grade, notes: details.notes, lessonName: details.lessonName } });
    const { url, method, headers } = started.upload;
    const sent = Object.fromEntries(Object.entries(headers)
      .filter(([k]) => !['host', 'content-length'].includes(k.toLowerCase())));
    await transfer(item, method, url, sent, item.file, true);
    // the server queues the analysis as it does for uploads through the API (the school's default without a choice)
    return api(`/api/recordings/${encodeURIComponent(started.recording.id)}/complete`,
      { method: 'POST', body: { templateId: details.templateId || null } });
  }

  /** One request with upload progress on the item's bar; resolves with the answer's JSON. */
  function transfer(item, method, url, headers, body, toStorage = false) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      aborters.add(xhr);
      xhr.open(method, url);
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      xhr.upload.addEventListener('progress', e => {
        if (e.lengthComputable) {
          item.bar.value = Math.round((e.loaded / e.total) * 100);
          fill(item.message, `Uploading… ${item.bar.value}%`);
        }
      });
      xhr.addEventListener('load', async () => {
        aborters.delete(xhr);
        if (toStorage) {
          if (xhr.status >= 200 && xhr.status < 300) resolve(null);
          else reject(new ApiError(xhr.status, 'storage', `The storage refused the file (${xhr.status}). Try again.`));
          return;
        }
        const response = new Response(xhr.responseText || null, { status: xhr.status,
          headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') || '' } });
        try {
          resolve(await readResponse(response, url));
        } catch (e) {
          reject(e);
        }
      });
      xhr.addEventListener('error', () => {
        aborters.delete(xhr);
        reject(new ApiError(0, 'network', 'The upload was interrupted. Check your connection and try again.'));
      });
      xhr.addEventListener('abort', () => {
        aborters.delete(xhr);
        reject(new ApiError(0, 'aborted', 'The upload was stopped.'));
      });
      xhr.send(body);
    });
  }

  return () => aborters.forEach(xhr => xhr.abort());
}
