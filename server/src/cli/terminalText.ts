// Text from letters and file names made safe for a terminal or a log reader.

/**
 * C0 and C1 control characters, DEL, and the bidirectional controls (which can reorder what a
 * terminal shows), as `\u001b`: text from a letter or a file name must not drive the terminal.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The same less the C0 controls, which JSON.stringify already escapes inside strings (and uses as layout outside them). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** JSON text with the controls JSON.stringify leaves raw escaped as well. */
export function escapeForJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escapeOne);
}
