// Proofmark webview script: turns clicks on [data-action] buttons into messages for the extension.
// It never builds HTML itself; the extension renders everything, escaped.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target || target.hasAttribute('disabled')) return;
    const action = target.getAttribute('data-action');
    if (action === 'open') {
      vscode.postMessage({ type: 'open', uri: target.getAttribute('data-uri'), line: Number(target.getAttribute('data-line')) });
    } else if (action === 'create') {
      target.setAttribute('disabled', '');
      target.textContent = 'Creating…';
      vscode.postMessage({ type: 'create' });
    } else if (action === 'refresh') {
      vscode.postMessage({ type: 'refresh' });
    } else if (action === 'pick') {
      vscode.postMessage({ type: 'pick' });
    } else if (action === 'export-markdown' || action === 'export-csv') {
      vscode.postMessage({ type: 'export', format: action === 'export-markdown' ? 'markdown' : 'csv' });
    }
  });
})();
