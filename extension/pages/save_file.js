// Saves text as a file the shopper downloads (the calendar from the popup, the export from the
// options page): made here, in the browser; nothing is uploaded.
export function saveFile(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
