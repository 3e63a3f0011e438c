import type { DraftContent, DraftInsertResult } from './adapter';

/**
 * Putting a draft into a webmail editor so that the editor REGISTERS it as if typed: its undo stack, its model and
 * its autosave must see the change. Each webmail gets its own order of techniques (DESIGN.md §3):
 * - execCommand('insertHTML'): the browser's own editing, with native undo and real input events (Gmail);
 * - a synthetic `paste` carrying text/html + text/plain: Roosterjs (OWA) takes it into its model with undo;
 * - Range insertion + an `input` event: the last resort, without native undo.
 * The caret is put at the very start first, so the draft lands above any quoted text, and ends after the draft.
 */
export type InsertMethod = DraftInsertResult['method'];

const DANGEROUS_ELEMENTS = 'script, style, iframe, object, embed, link, meta, base, form, input, button, textarea, select';

/** The draft HTML parsed in an inert document (no script runs, nothing loads), with anything active removed. */
function draftFragment(doc: Document, html: string): DocumentFragment {
  const win = doc.defaultView!;
  const parsed = new win.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const el of Array.from(parsed.body.querySelectorAll(DANGEROUS_ELEMENTS))) el.remove();
  for (const el of Array.from(parsed.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.toLowerCase().startsWith('on') || value.startsWith('javascript:') || value.startsWith('data:text/html')) el.removeAttribute(attr.name);
    }
  }
  const fragment = doc.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) fragment.appendChild(doc.importNode(node, true));
  return fragment;
}

function caretAtStart(editor: HTMLElement): Selection | null {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return null;
  const range = doc.createRange();
  range.setStart(editor, 0);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/** A short, distinctive piece of the draft's text, to check that the editor now holds one more copy of it. */
function probeOf(draft: DraftContent): string {
  const firstLine = draft.text.split('\n').map(normalise).find((line) => line.length > 0) ?? '';
  return firstLine.slice(0, 40);
}

function tryExecCommand(doc: Document, draft: DraftContent): boolean {
  const exec = (doc as Document & { execCommand?: Document['execCommand'] }).execCommand;
  if (typeof exec !== 'function') return false;
  return exec.call(doc, 'insertHTML', false, draft.html) === true;
}

function tryPaste(editor: HTMLElement, draft: DraftContent): boolean {
  const win = editor.ownerDocument.defaultView!;
  if (typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function') return false;
  const data = new win.DataTransfer();
  data.setData('text/html', draft.html);
  data.setData('text/plain', draft.text);
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  editor.dispatchEvent(event);
  // A synthetic paste has no default action: only an editor that handled it (and said so) inserted anything.
  return event.defaultPrevented;
}

function tryRange(editor: HTMLElement, draft: DraftContent): boolean {
  const doc = editor.ownerDocument;
  const win = doc.defaultView!;
  const selection = caretAtStart(editor);
  if (!selection || selection.rangeCount === 0) return false;
  const range = selection.getRangeAt(0);
  const fragment = draftFragment(doc, draft.html);
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    const after = doc.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selection.removeAllRanges();
    selection.addRange(after);
  }
  editor.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return true;
}

/** Key activity is what makes Gmail (and OWA) schedule a draft save. */
function announceKeyActivity(editor: HTMLElement): void {
  const win = editor.ownerDocument.defaultView!;
  editor.dispatchEvent(new win.KeyboardEvent('keyup', { bubbles: true, key: 'Unidentified' }));
}

/**
 * Inserts `draft` at the top of `editor` with the first technique of `order` that the editor takes. Never throws:
 * a failure is `{ ok: false, error }` with the last technique tried.
 */
export async function insertDraftAtTop(editor: HTMLElement, draft: DraftContent, order: readonly InsertMethod[]): Promise<DraftInsertResult> {
  const first = order[0] ?? 'range';
  try {
    if (!editor.isConnected || !editor.isContentEditable && editor.getAttribute('contenteditable') !== 'true') {
      return { ok: false, method: first, error: 'the editor is no longer editable in the page' };
    }
    const probe = probeOf(draft);
    const copies = () => occurrences(normalise(editor.textContent ?? ''), probe);
    const before = copies();
    let last: InsertMethod = first;
    const errors: string[] = [];
    for (const method of order) {
      last = method;
      try {
        editor.focus();
        caretAtStart(editor);
        const done = method === 'execCommand' ? tryExecCommand(editor.ownerDocument, draft) : method === 'paste' ? tryPaste(editor, draft) : tryRange(editor, draft);
        // Some editors accept the command but drop the content: trust only what is now in the editor.
        if (done && (probe === '' || copies() > before)) {
          announceKeyActivity(editor);
          return { ok: true, method };
        }
        errors.push(`${method}: not taken by the editor`);
      } catch (e) {
        errors.push(`${method}: ${e instanceof Error ? e.message : 'failed'}`);
      }
    }
    return { ok: false, method: last, error: errors.join('; ') };
  } catch (e) {
    return { ok: false, method: first, error: e instanceof Error ? e.message : 'insertion failed' };
  }
}
