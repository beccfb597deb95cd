// The one way pages talk to the server: JSON in and out, errors as ApiError with the server's message.

/** Sent on every state-changing request; the server refuses cookie-signed requests without it (CSRF guard). */
export const CLIENT_HEADERS = { 'X-Requested-With': 'ClassReflect' };

export class ApiError extends Error {
  /** detail: the server's own wording, kept for a "Details" toggle when the message says it in plainer words. */
  constructor(status, code, message, detail = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/** Plainer words for refusals whose server message is technical; the server's message stays as the detail. */
const PLAIN_WORDS = {
  415: 'This file holds no audio we can read. Export or save it again as MP3, M4A or WAV, then upload that file.',
  500: 'Something went wrong on our side. Try again in a minute; if it keeps happening, tell your administrator.',
  502: 'The service is restarting or overloaded. Try again in a minute.',
  503: 'The service is restarting or overloaded. Try again in a minute.',
};

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') Object.assign(headers, CLIENT_HEADERS);
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  return readResponse(response, path);
}

export async function readResponse(response, path = '') {
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    window.dispatchEvent(new CustomEvent('classreflect:signed-out'));
  }
  if (!response.ok) {
    let body = {};
    try { body = await response.json(); } catch (e) { /* not JSON: keep the status text */ }
    const said = body.message || response.statusText || `The server answered ${response.status}.`;
    const plain = PLAIN_WORDS[response.status];
    throw new ApiError(response.status, body.error || `http_${response.status}`, plain || said, plain ? said : null);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}
