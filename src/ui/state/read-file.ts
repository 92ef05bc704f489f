// Reading a picked file's text without holding the page: `File.text()` decoded a 19 MB attempts file
// in one task that held the page for about half a second (a 'longtask' observer in
// tests/e2e/integrity.e2e.mjs). The file is read as a stream and decoded piece by piece instead. A
// file already in memory hands over its pieces without waiting, so they ran on in one task of about
// 200 ms for 13 MB (profiled in Chromium): the reading hands the page back whenever a slice is used up.
// The pieces are not joined (a copy of the whole file in one task): see PieceText.
import { PieceText } from '../../core/review/piece-text.ts';
import { SLICE_MS, yieldToPage } from './review-import.ts';

export async function readFileText(
  file: Blob,
  now: () => number = () => performance.now(),
): Promise<PieceText> {
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  const reader = file.stream().getReader();
  let sliceStart = now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(decoder.decode(value, { stream: true }));
    if (now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = now();
    }
  }
  pieces.push(decoder.decode());
  return new PieceText(pieces);
}
