// The one way pages talk to the server: JSON in and out, errors as ApiError with the server's message.

/** Sent on every state-changing request; the server refuses cookie-signed requests without it (CSRF guard). */
export const CLIENT_HEADERS = { 'X-Requested-With': 'ClassReflect' };

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

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
    throw new ApiError(response.status, body.error || `http_${response.status}`,
      body.message || response.statusText || `The server answered ${response.status}.`);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}
