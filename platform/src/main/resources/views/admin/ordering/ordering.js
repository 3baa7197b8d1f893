/*
 * Reordering a list by dragging, or by keyboard with "Lên"/"Xuống" buttons on each row (the staff area's menu editor
 * and section list). Progressive enhancement: without JavaScript the server's own controls (number fields, or one
 * POST per step) still work, and the server stays the authority on what is saved.
 *
 * <ol data-ordering data-ordering-noun="trình đơn"> with <li data-ordering-row data-ordering-name="…"> rows (a row
 *   that also has data-ordering-fixed stays where it is, e.g. an archived section).
 * - A row's <input class="position"> gets its place among the shown rows (those whose <input data-ordering-shown>
 *   is ticked, or all rows when there is none) on every change; the number fields are then hidden.
 * - Dragging uses pointer events (mouse, pen and touch alike) on the row's handle; a row may only move among
 *   the rows of the same data-ordering-group (siblings in a tree).
 * - Every move is announced in a polite live region; the keyboard focus stays on the moved row's button.
 * - data-ordering-submit="<form id>": a finished move posts that form with the new order of the moved row's
 *   siblings (their data-ordering-id), for lists that save at once; data-ordering-server-steps: the rows already
 *   have the server's own «Lên»/«Xuống» buttons, so only the drag handle is added.
 * - data-ordering-add on the list: a picker to add a hidden row (ticks it and moves it after the shown ones), and
 *   an outside link row cloned from the last <li data-ordering-link> with the next number.
 */
(function () {
  'use strict';

  function rows(list) {
    return Array.prototype.filter.call(list.children, function (el) {
      return el.hasAttribute('data-ordering-row') && !el.hasAttribute('data-ordering-fixed');
    });
  }

  function group(row) {
    return row.getAttribute('data-ordering-group') || '';
  }

  function siblings(list, row) {
    return rows(list).filter(function (r) { return group(r) === group(row); });
  }

  /** The row and, in a tree, the rows under it (deeper data-ordering-depth right after it): they move together. */
  function block(row) {
    var depth = Number(row.getAttribute('data-ordering-depth') || 0);
    var all = [row];
    for (var next = row.nextElementSibling; next && Number(next.getAttribute('data-ordering-depth') || 0) > depth; next = next.nextElementSibling) {
      all.push(next);
    }
    return all;
  }

  function place(list, row, before) {
    block(row).forEach(function (r) { list.insertBefore(r, before); });
  }

  function after(row) {
    var all = block(row);
    return all[all.length - 1].nextSibling;
  }

  function shownBox(row) {
    return row.querySelector('input[data-ordering-shown]');
  }

  function isShown(row) {
    var box = shownBox(row);
    return !box || box.checked;
  }

  function name(row) {
    var labelField = row.querySelector('[data-ordering-label]');
    var typed = labelField && labelField.value.trim();
    return typed || row.getAttribute('data-ordering-name') || '';
  }

  function renumber(list) {
    var place = 0;
    rows(list).forEach(function (row) {
      var field = row.querySelector('input.position');
      row.classList.toggle('ordering-hidden-row', !isShown(row));
      if (field) {
        field.value = isShown(row) ? String(++place) : '';
      }
    });
    rows(list).forEach(function (row) {
      var same = siblings(list, row);
      var up = row.querySelector('.ordering-up');
      var down = row.querySelector('.ordering-down');
      if (up) {
        up.disabled = same[0] === row;
      }
      if (down) {
        down.disabled = same[same.length - 1] === row;
      }
    });
  }

  function announce(list, row) {
    var same = siblings(list, row).filter(isShown);
    var at = same.indexOf(row) + 1;
    var text = at > 0
      ? '«' + name(row) + '»: vị trí ' + at + ' trên ' + same.length + '.'
      : '«' + name(row) + '» đang ẩn, không có trên ' + (list.getAttribute('data-ordering-noun') || 'danh sách') + '.';
    list.orderingLive.textContent = text;
  }

  function moved(list, row) {
    renumber(list);
    announce(list, row);
    var formId = list.getAttribute('data-ordering-submit');
    if (formId) {
      post(list, document.getElementById(formId), row);
    }
  }

  /** Lists that save at once: the moved row's siblings' ids in their new order ("order", comma-separated) and its id ("moved"). */
  function post(list, form, row) {
    function field(name, value) {
      var f = form.querySelector('input[name=' + name + ']') || form.appendChild(document.createElement('input'));
      f.type = 'hidden';
      f.name = name;
      f.value = value;
    }
    field('order', siblings(list, row).map(function (r) { return r.getAttribute('data-ordering-id'); }).join(','));
    field('moved', row.getAttribute('data-ordering-id'));
    form.submit();
  }

  function step(list, row, direction, button) {
    var same = siblings(list, row);
    var at = same.indexOf(row);
    var other = same[at + direction];
    if (!other) {
      return;
    }
    place(list, row, direction < 0 ? other : after(other));
    moved(list, row);
    // keep the focus on the moved row: on the same button, or the other one once this end is reached
    (button.disabled ? row.querySelector(direction < 0 ? '.ordering-down' : '.ordering-up') : button).focus();
  }

  function button(cls, text, label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'button small ' + cls;
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  function labelButtons(row) {
    var up = row.querySelector('.ordering-up');
    if (up) {
      up.setAttribute('aria-label', 'Chuyển «' + name(row) + '» lên trên');
      row.querySelector('.ordering-down').setAttribute('aria-label', 'Chuyển «' + name(row) + '» xuống dưới');
    }
  }

  function enhance(list, row) {
    if (row.querySelector('.ordering-tools')) {
      return;
    }
    var tools = document.createElement('span');
    tools.className = 'ordering-tools';
    var handle = document.createElement('span');
    handle.className = 'drag-handle';
    handle.setAttribute('aria-hidden', 'true');
    handle.title = 'Kéo để đổi thứ tự';
    handle.textContent = '⠿';
    tools.appendChild(handle);
    if (list.hasAttribute('data-ordering-server-steps')) {
      (row.querySelector('td, th') || row).insertBefore(tools, (row.querySelector('td, th') || row).firstChild);
      drag(list, row, handle);
      return;
    }
    tools.appendChild(button('ordering-up', 'Lên', '', function (e) { step(list, row, -1, e.currentTarget); }));
    tools.appendChild(button('ordering-down', 'Xuống', '', function (e) { step(list, row, +1, e.currentTarget); }));
    row.insertBefore(tools, row.firstChild);
    labelButtons(row);
    var labelField = row.querySelector('[data-ordering-label]');
    if (labelField) {
      labelField.addEventListener('input', function () { labelButtons(row); });
    }
    drag(list, row, handle);
  }

  /**
   * Dragging by the handle. The moves are followed on the document, not by pointer capture: moving the row in the
   * DOM would release a capture at the first step.
   */
  function drag(list, row, handle) {
    var startOrder = null;
    function follow(e) {
      siblings(list, row).forEach(function (over) {
        var box = over.getBoundingClientRect();
        if (over !== row && e.clientY >= box.top && e.clientY <= box.bottom) {
          place(list, row, e.clientY < box.top + box.height / 2 ? over : after(over));
        }
      });
    }
    function finish() {
      document.removeEventListener('pointermove', follow);
      document.removeEventListener('pointerup', finish);
      document.removeEventListener('pointercancel', finish);
      var changed = rows(list).some(function (r, i) { return r !== startOrder[i]; });
      startOrder = null;
      row.classList.remove('dragging');
      if (changed) {
        moved(list, row);
      }
    }
    handle.addEventListener('pointerdown', function (e) {
      if (e.button !== 0 || startOrder) {
        return;
      }
      e.preventDefault();
      startOrder = rows(list).slice();
      row.classList.add('dragging');
      document.addEventListener('pointermove', follow);
      document.addEventListener('pointerup', finish);
      document.addEventListener('pointercancel', finish);
    });
  }

  /** Puts {@code row} after the last shown row, ticks it and tells. */
  function showAtEnd(list, row) {
    var shown = rows(list).filter(function (r) { return r !== row && isShown(r); });
    var last = shown[shown.length - 1];
    place(list, row, last ? after(last) : list.firstChild);
    shownBox(row).checked = true;
    renumber(list);
    announce(list, row);
  }

  /** A new outside-link row: a copy of the last one with the next number and nothing typed. */
  function newLink(list) {
    var links = list.querySelectorAll('li[data-ordering-link]');
    var blank = Array.prototype.find.call(links, function (r) {
      return !isShown(r) && Array.prototype.every.call(r.querySelectorAll('input[type=text], input[type=url]'), function (f) { return !f.value; });
    });
    if (blank) {
      return blank;
    }
    var last = links[links.length - 1];
    var from = last.getAttribute('data-ordering-link');
    var to = String(links.length + 1);
    var copy = last.cloneNode(true);
    copy.setAttribute('data-ordering-link', to);
    copy.setAttribute('data-ordering-name', 'Liên kết mới');
    copy.querySelector('.link-title').textContent = 'Liên kết mới';
    copy.querySelector('.ordering-tools').remove();
    copy.querySelectorAll('[id], [for], [name]').forEach(function (el) {
      ['id', 'for', 'name'].forEach(function (attr) {
        if (el.hasAttribute(attr)) {
          el.setAttribute(attr, el.getAttribute(attr).replace('menu-x-' + from + '-', 'menu-x-' + to + '-'));
        }
      });
      if (el.tagName === 'INPUT') {
        el.value = el.type === 'checkbox' ? el.value : '';
        el.checked = false;
      }
    });
    list.appendChild(copy);
    enhance(list, copy);
    return copy;
  }

  function addControl(list) {
    var wrap = document.createElement('div');
    wrap.className = 'ordering-add';
    var id = (list.id || 'ds') + '-them';
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = 'Thêm vào ' + (list.getAttribute('data-ordering-noun') || 'danh sách');
    var select = document.createElement('select');
    select.id = id;
    var add = button('', 'Thêm', 'Thêm mục đã chọn', function () {
      var row = select.value === 'link' ? newLink(list) : document.getElementById(select.value).closest('[data-ordering-row]');
      showAtEnd(list, row);
      fill();
      var first = row.querySelector('input[type=text], input[type=url]') || row.querySelector('.ordering-up');
      first.focus();
    });
    add.removeAttribute('aria-label');
    function fill() {
      select.innerHTML = '';
      rows(list).filter(function (r) { return !isShown(r) && !r.hasAttribute('data-ordering-link'); }).forEach(function (r) {
        select.appendChild(new Option(name(r), shownBox(r).id));
      });
      select.appendChild(new Option('Liên kết ra ngoài (địa chỉ http, https)', 'link'));
    }
    fill();
    list.addEventListener('change', fill);
    wrap.appendChild(label);
    wrap.appendChild(select);
    wrap.appendChild(add);
    list.parentNode.insertBefore(wrap, list.nextSibling);
  }

  function setUp(list) {
    var live = document.createElement('p');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.id = (list.id || 'ds') + '-vi-tri';
    var outside = list.closest('table') || list;
    outside.parentNode.insertBefore(live, outside.nextSibling);
    list.orderingLive = live;
    list.classList.add('ordering-on');
    rows(list).forEach(function (row) { enhance(list, row); });
    renumber(list);
    list.addEventListener('change', function (e) {
      var row = e.target.closest('[data-ordering-row]');
      if (row && e.target.hasAttribute('data-ordering-shown')) {
        renumber(list);
        announce(list, row);
      }
    });
    if (list.hasAttribute('data-ordering-add')) {
      addControl(list);
    }
    var form = list.closest('form');
    if (form) {
      form.addEventListener('submit', function () { renumber(list); });
    }
  }

  document.querySelectorAll('[data-ordering]').forEach(setUp);
})();
