// Offers a file as a download (exports, saves without the File System Access API, templates).

export function offerDownload(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // Long enough for the browser to start the download, then the memory goes.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
