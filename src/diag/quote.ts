/** Showing a user's value inside a one-line message: control characters escaped, long values cut. */

const MAX_SHOWN = 60;

/**
 * The value as it may appear in a diagnostic: NUL, newlines and other controls escaped (`\0`, `\n`, `\u001b`) so a
 * message stays on one terminal line and cannot move the cursor; values longer than 60 characters are cut with `…`.
 */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const chars = [...text];
  const cut = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\0') return '\\0';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A rejected value as a message quotes it: a scalar in quotes (as `shown`), a list or mapping by what it is followed by
 * its compact JSON, cut like any shown value (`a mapping {"en":5}`), so even a structure is quoted, never only named.
 */
export function given(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (data instanceof Date) return `'${data.toISOString().replace(/T00:00:00\.000Z$/, '')}'`;
  if (typeof data !== 'object') return `'${shown(data)}'`;
  const kind = Array.isArray(data) ? 'a list' : 'a mapping';
  try {
    return `${kind} ${shown(JSON.stringify(data))}`;
  } catch {
    // YAML anchors can make a structure that contains itself: name it without its content.
    return kind;
  }
}

/**
 * A URL as a message may quote it: a user name and password in it (`https://user:pass@tsa.example/`) replaced by `…`,
 * and so the value of a query parameter that names a secret (`?apikey=…`, `&access_token=…`: a paid time-stamp
 * authority's key), since a secret never appears in output; what is left is shown like any value.
 */
export function shownUrl(url: string): string {
  return shown(
    url
      .replace(USER_INFO, '$1…@')
      .replace(PARAMETER, (all, start: string, name: string) =>
        SECRET_NAME.test(name.replace(/[^a-z]/gi, '')) ? `${start}${name}=…` : all,
      ),
  );
}

/** Whether `url` carries a user name or password (`https://user:pass@host/`), which fetch refuses to send. */
export function hasUserInfo(url: string): boolean {
  return USER_INFO.test(url);
}

/** A URL's scheme and the user name and password after it, up to the `@`. */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/i;

/** A query or fragment parameter: what opens it, its name, and its value. */
const PARAMETER = /([?&#;])([^=&#;\s]+)=[^&#;\s]*/g;

/**
 * A parameter name (its letters only) that ends in a word for a secret: apikey, api_key, access_token, X-Amz-Signature,
 * sig, password. The word ends the name, so design=1 or keyword=x are shown.
 */
const SECRET_NAME =
  /(?:key|token|secret|pass|passwd|password|pwd|auth|authorization|sig|signature|credentials?|session|sessionid)$/i;
