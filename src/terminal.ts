/**
 * Escape sequences a terminal would act on: CSI (`ESC [` … final byte, or the 8-bit 0x9B),
 * OSC/DCS/SOS/PM/APC strings up to their terminator (BEL or `ESC \`, or the end of the text when
 * unterminated), and two-character ESC sequences. Each part is a single class with one quantifier,
 * so matching is linear.
 */
const ESCAPES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;
/** Remaining C0/C1 controls (tab and line feed stay) and bidi overrides/isolates that reorder what is shown. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Page text made safe to print on a terminal: escape sequences and control characters removed. */
export function stripTerminalEscapes(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROLS, '');
}
