/**
 * Saves text as a file from the app's iframe: a Blob behind a temporary link with `download`. The byte
 * order mark makes spreadsheet programs read the CSV as UTF-8 (names and reasons in any language).
 */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; the download keeps its own copy.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
