// One IPC round trip on load; the benchmark waits for #answer.
window.__TAURI_INTERNALS__.invoke('ping').then((answer) => {
  const p = document.createElement('p');
  p.id = 'answer';
  p.textContent = answer;
  document.body.append(p);
});
