// Credentials out of everything ftree shows (model stage): the user and password of a URL and secret
// query parameters (`?token=`, `access_token=`, …), in a URL or anywhere in a text such as a command line.

/** Query parameters whose value is a secret, compared in lower case with `-` read as `_`. */
const SECRET_PARAMETERS = new Set(['token', 'access_token', 'id_token', 'refresh_token', 'auth', 'auth_token', 'api_key', 'apikey', 'key', 'password', 'passwd', 'pass', 'pwd', 'secret', 'client_secret', 'sig', 'signature', 'x_amz_signature', 'x_amz_credential', 'x_amz_security_token']);

/** What a secret becomes. */
export const REDACTED = 'REDACTED';

/** The URL as it may be shown: no user or password, secret query parameters REDACTED. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactCredentials(url);
  }
  u.username = '';
  u.password = '';
  for (const name of [...u.searchParams.keys()]) if (isSecretParameter(name)) u.searchParams.set(name, REDACTED);
  return u.toString().replace(/\/$/, '');
}

/**
 * Every URL-like credential in free text: `scheme://user:password@` loses its user info and
 * `token=…` after `?`, `&` or `;` becomes `token=REDACTED`; a word `--password=…` is left alone.
 */
export function redactCredentials(text: string): string {
  return text
    .replace(/([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#\s]*@/g, '$1')
    .replace(/([?&;])([^=&;#\s]+)=([^&;#\s]*)/g, (all, sep: string, name: string) => (isSecretParameter(safeDecode(name)) ? `${sep}${name}=${REDACTED}` : all));
}

function isSecretParameter(name: string): boolean {
  return SECRET_PARAMETERS.has(name.toLowerCase().replace(/-/g, '_'));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
