// Reading a picked file's text without holding the page: `File.text()` decoded a 19 MB attempts file
// in one task that held the page for about half a second (a 'longtask' observer in
// tests/e2e/integrity.e2e.mjs). The file is read as a stream and decoded piece by piece instead,
// each piece in its own task.

export async function readFileText(file: Blob): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(decoder.decode(value, { stream: true }));
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}
