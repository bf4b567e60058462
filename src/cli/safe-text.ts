// C0 controls but tab, line feed and carriage return (CRLF is how Excel ends a line), DEL, C1 controls, and the bidi overrides that reorder what a terminal shows.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_ANY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Text that came from a file or a clerk, made safe to print: a name holding
 * an escape sequence must not recolour, move or clear the clerk's terminal.
 * Shown escaped (`\x1B`, `\u202E`) so the clerk can see and fix it.
 */
export function escapeControls(text: string): string {
  if (!UNSAFE_ANY.test(text)) return text;
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
