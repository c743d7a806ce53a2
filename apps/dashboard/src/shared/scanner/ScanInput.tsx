import { useLayoutEffect, useRef, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { TextField } from '../ui';
import { readScan, type ScanRead } from './read';

const GS = '\u001d';

type ScanInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type'> & {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onValueChange: (value: string) => void;
  /** Enter pressed on a non-empty field: a USB scanner finished "typing", or a person did. */
  onScan: (read: ScanRead) => void;
  /** Empty the field after each read, for screens that collect a list. */
  clearOnScan?: boolean;
};

/**
 * A text field for codes, typed by a person or by a USB barcode scanner in keyboard mode
 * ("keyboard wedge"). A wedge sends the group separator as Ctrl+] on many layouts: that becomes
 * ASCII 29 here; `<GS>`, `{GS}`, `^` or no separator at all are read by `@jejak/gs1`.
 */
export function ScanInput({ value, onValueChange, onScan, clearOnScan = false, onKeyDown, ...field }: ScanInputProps) {
  /** Where the caret goes once an inserted separator is rendered. */
  const caret = useRef<{ input: HTMLInputElement; at: number } | null>(null);

  // Before the next keystroke: React renders a keydown's update at once, this runs right after.
  useLayoutEffect(() => {
    if (!caret.current) return;
    caret.current.input.setSelectionRange(caret.current.at, caret.current.at);
    caret.current = null;
  });

  function insert(input: HTMLInputElement, text: string) {
    const from = input.selectionStart ?? value.length;
    const to = input.selectionEnd ?? value.length;
    caret.current = { input, at: from + text.length };
    onValueChange(value.slice(0, from) + text + value.slice(to));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      // An empty field falls through to the form, which can say it is required.
      if (!value.trim()) return;
      event.preventDefault();
      onScan(readScan(value, 'keyboard'));
      if (clearOnScan) onValueChange('');
    } else if (event.ctrlKey && !event.altKey && (event.key === ']' || event.code === 'BracketRight')) {
      event.preventDefault();
      insert(event.currentTarget, GS);
    }
  }

  return (
    <TextField
      {...field}
      type="text"
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      onKeyDown={handleKeyDown}
      autoComplete="off"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      enterKeyHint="go"
    />
  );
}
