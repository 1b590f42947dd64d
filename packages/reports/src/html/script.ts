/**
 * The report's only script, inlined: filter by text, severity and code; sort by a click on a header;
 * fill a row's explanation from the reference section when it is first opened. The page reads fully
 * without it (the controls are hidden until the script shows them).
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) return;
  var tbody = table.querySelector('.tbody');
  var rows = Array.prototype.slice.call(tbody.children);
  var texts = null; // read on the first text search, not while the page opens
  var controls = document.getElementById('controls');
  var query = document.getElementById('filter-text');
  var severity = document.getElementById('filter-severity');
  var code = document.getElementById('filter-code');
  var shown = document.getElementById('shown-count');
  controls.hidden = false;

  function applyFilter() {
    var needle = query.value.trim().toLowerCase();
    var s = severity.value, c = code.value, n = 0;
    if (needle && !texts) texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var visible = (!s || row.getAttribute('data-severity') === s) && (!c || row.getAttribute('data-code') === c) && (!needle || texts[i].indexOf(needle) !== -1);
      // Touch only rows that change: every change restyles the row.
      if (row.hidden === visible) row.hidden = !visible;
      if (visible) n++;
    }
    shown.textContent = n.toLocaleString('ru-RU');
  }
  var timer = 0;
  query.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilter, 120); });
  severity.addEventListener('change', applyFilter);
  code.addEventListener('change', applyFilter);

  var collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });
  var heads = table.querySelector('.thead .tr').children;
  // Rows keep their original index; sorting reorders indices, and each column's keys are read once.
  var order = rows.map(function (_, i) { return i; });
  var keyCache = {};
  function keysOf(column, numeric) {
    if (!keyCache[column]) {
      keyCache[column] = rows.map(function (row) {
        var cell = row.children[column];
        var key = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
        return numeric ? Number(key) : key;
      });
    }
    return keyCache[column];
  }
  function showInOrder() {
    // One bulk replace: moving 20 000 rows one by one takes Chromium ~20 times longer.
    tbody.replaceChildren();
    for (var start = 0; start < order.length; start += 10000) {
      tbody.append.apply(tbody, order.slice(start, start + 10000).map(function (i) { return rows[i]; }));
    }
  }
  Array.prototype.forEach.call(heads, function (th, column) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', direction);
      var numeric = th.getAttribute('data-type') === 'number';
      var sign = direction === 'ascending' ? 1 : -1;
      var keys = keysOf(column, numeric);
      order.sort(function (a, b) {
        var d = numeric ? keys[a] - keys[b] : collator.compare(keys[a], keys[b]);
        return d * sign || a - b;
      });
      showInOrder();
    });
  });

  // 'toggle' does not bubble: listen in the capture phase. On first open, the catalog's texts join the row's facts.
  tbody.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || details.hasAttribute('data-filled')) return;
    details.setAttribute('data-filled', '');
    var facts = details.querySelector('.explain dl');
    var link = details.querySelector('.why');
    var row = details.closest('.tr');
    var reference = document.getElementById('why-' + row.getAttribute('data-code'));
    var list = reference && reference.querySelector('dl');
    if (!facts || !list) return;
    var first = facts.firstChild;
    function fact(term, value) {
      if (!value || value === '—') return;
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = term;
      dd.textContent = value;
      facts.insertBefore(dt, first);
      facts.insertBefore(dd, first);
    }
    var vs = row.querySelectorAll('.vs span');
    fact('Ожидалось', vs[0] && vs[0].textContent);
    fact('Фактически', vs[1] && vs[1].textContent);
    Array.prototype.forEach.call(list.children, function (item) { facts.appendChild(item.cloneNode(true)); });
    if (link) link.remove();
  }, true);
})();
`;
