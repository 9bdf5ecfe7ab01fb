/* Sort a table by a column on a click of its heading: numbers by their data-sort value, text alphabetically. */
(function () {
  'use strict';
  function compare(a, b) {
    var x = a.getAttribute('data-sort'), y = b.getAttribute('data-sort');
    if (x && y) {
      var d = parseFloat(x) - parseFloat(y);
      return isNaN(d) ? 0 : d;
    }
    if (x) { return -1; }
    if (y) { return 1; }
    return a.textContent.localeCompare(b.textContent);
  }
  function sort(table, column, heading) {
    var ascending = heading.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r, s) {
      var c = compare(r.cells[column], s.cells[column]);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.setAttribute('tabindex', '0');
      th.setAttribute('title', 'Sort by this column');
      th.addEventListener('click', function () { sort(table, column, th); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(table, column, th); }
      });
    });
  });
  document.documentElement.setAttribute('data-sortable', 'ready');
}());
