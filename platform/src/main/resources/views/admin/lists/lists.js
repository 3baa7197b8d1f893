// Staff lists: the "select all rows" checkbox of a bulk-action table. Without JavaScript it stays hidden and each
// row is checked by hand; with it, it checks or clears every row and shows "some" when only part is checked.
(function () {
  'use strict';
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    var table = all.closest('table');
    var rows = Array.prototype.slice.call(table.querySelectorAll('input[data-row-select]'));
    if (rows.length === 0) {
      return;
    }
    all.hidden = false;
    function reflect() {
      var checked = rows.filter(function (r) { return r.checked; }).length;
      all.checked = checked === rows.length;
      all.indeterminate = checked > 0 && checked < rows.length;
    }
    all.addEventListener('change', function () {
      rows.forEach(function (r) { r.checked = all.checked; });
      reflect();
    });
    rows.forEach(function (r) { r.addEventListener('change', reflect); });
    reflect();
  });
}());
