/*
 * Server autosave of an item form (<form data-autosave="/quan-tri/noi-dung/{id}/tu-luu">): every
 * data-autosave-interval milliseconds (a minute), and when the page is hidden or left, the form's fields go to
 * the server as this account's autosave, if anything was changed since the page was opened and since the last
 * one. It is not a save: no version, no workflow step. A newer autosave is offered back when the item is reopened
 * (<section data-autosave-offer>): restoring fills the form, and the editor still presses Save, which meets the
 * usual optimistic lock. window.congAutosave.now() sends at once (tests call it rather than waiting a minute).
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-autosave]');
  var status = document.querySelector('[data-autosave-status]');
  var offer = document.querySelector('[data-autosave-offer]');
  var lastSent = null;
  var leaving = false;
  var stopped = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function editors() {
    return window.tinymce ? window.tinymce.get().filter(function (e) { return form && form.contains(e.getElement()); }) : [];
  }

  /** Whether anything differs from what the page came with (plain fields) or was typed in an editor. */
  function changed() {
    var fields = Array.prototype.slice.call(form.elements);
    return editors().some(function (e) { return e.isDirty(); }) || fields.some(function (f) {
      if (f.type === 'hidden' || f.type === 'submit' || f.type === 'button' || !f.name) {
        return false;
      }
      if (f.type === 'checkbox' || f.type === 'radio') {
        return f.checked !== f.defaultChecked;
      }
      if (f.tagName === 'SELECT') {
        return Array.prototype.some.call(f.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return f.value !== f.defaultValue;
    });
  }

  function fields() {
    editors().forEach(function (e) { e.save(); });
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      data.append(name, typeof value === 'string' && value.normalize ? value.normalize('NFC') : value);
    });
    return data;
  }

  /** Sends the fields now; resolves when the server has answered (or at once when there is nothing new). */
  function now() {
    if (!form || stopped || form.querySelector('fieldset:disabled') || !changed()) {
      return Promise.resolve(false);
    }
    var data = fields();
    var text = data.toString();
    if (text === lastSent) {
      return Promise.resolve(false);
    }
    return fetch(form.getAttribute('data-autosave'), {
      method: 'POST', body: data, credentials: 'same-origin', headers: {'Accept': 'application/json'}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok) {
          lastSent = text;
          say(answer.message || 'Đã tự lưu lên máy chủ.');
          return true;
        }
        if (response.status === 409 || response.status === 403) {
          stopped = true; // locked meanwhile, or no longer allowed: sending again would be refused the same way
        }
        say((answer.message || 'Máy chủ không nhận bản tự lưu.') + ' Nội dung vẫn được lưu tạm trên máy này.');
        return false;
      });
    }).catch(function () {
      say('Chưa tự lưu được lên máy chủ (mất kết nối?). Nội dung vẫn được lưu tạm trên máy này; thử lại sau.');
      return false;
    });
  }

  /** The page is being hidden or left: a last autosave that outlives the page (never while the form itself is being saved). */
  function lastChance() {
    if (!form || leaving || stopped || form.querySelector('fieldset:disabled') || !changed()) {
      return;
    }
    var data = fields();
    if (data.toString() === lastSent) {
      return;
    }
    lastSent = data.toString();
    var url = form.getAttribute('data-autosave');
    if (navigator.sendBeacon && navigator.sendBeacon(url, data)) {
      return;
    }
    fetch(url, {method: 'POST', body: data, credentials: 'same-origin', keepalive: true}).catch(function () { });
  }

  function schedule() {
    var interval = parseInt(form.getAttribute('data-autosave-interval'), 10) || 60000;
    window.setTimeout(function () {
      now().then(schedule, schedule);
    }, interval);
  }

  function restore() {
    var values = JSON.parse(offer.getAttribute('data-fields') || '{}');
    var target = form || document.querySelector('form.form');
    Array.prototype.forEach.call(target.elements, function (f) {
      if (!f.name || f.name === 'csrfToken' || f.type === 'file') {
        return;
      }
      var has = Object.prototype.hasOwnProperty.call(values, f.name);
      if (f.type === 'checkbox') {
        f.checked = has && values[f.name] === f.value;
      } else if (f.type === 'radio') {
        f.checked = has && values[f.name] === f.value;
      } else if (has) {
        f.value = values[f.name];
      }
    });
    // the version the autosave was made on: saving over a newer one is a conflict that keeps both
    var version = target.querySelector('input[name=version]');
    if (version) {
      version.value = offer.getAttribute('data-base-version');
    }
    editors().forEach(function (e) {
      var name = e.getElement().name;
      if (Object.prototype.hasOwnProperty.call(values, name)) {
        e.setContent(values[name]);
        e.setDirty(true);
      }
    });
    offer.innerHTML = '';
    var done = document.createElement('p');
    done.textContent = 'Đã khôi phục bản tự lưu vào biểu mẫu. Hãy xem lại rồi bấm Lưu để lưu chính thức.';
    offer.appendChild(done);
    offer.setAttribute('data-autosave-restored', '');
    offer.setAttribute('tabindex', '-1');
    offer.focus();
  }

  if (offer) {
    var button = offer.querySelector('[data-autosave-restore]');
    button.hidden = false;
    button.addEventListener('click', function () {
      // the editors may still be loading: restore once they are there
      if (document.querySelector('textarea[data-rich-text]') && !(window.tinymce && window.tinymce.get().length)) {
        say('Đang tải trình soạn thảo, xin chờ…');
        var wait = window.setInterval(function () {
          if (window.tinymce && window.tinymce.get().length && window.tinymce.get().every(function (e) { return e.initialized; })) {
            window.clearInterval(wait);
            say('');
            restore();
          }
        }, 100);
        return;
      }
      restore();
    });
  }

  window.congAutosave = {now: now};
  if (!form) {
    return;
  }
  document.addEventListener('submit', function () { leaving = true; }, true);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      lastChance();
    }
  });
  window.addEventListener('pagehide', lastChance);
  schedule();
}());
