/*
 * The media library's framing forms (focal point and crop): clicking the picture sets the focal point's two
 * fields, and whatever is typed in the fields moves the marks and the previews at once. Without JavaScript the
 * fields alone do the same job; the server checks every value.
 */
(function () {
  'use strict';

  function percent(field) {
    var value = parseFloat(String(field.value).replace(',', '.'));
    return isNaN(value) ? null : Math.min(100, Math.max(0, value));
  }

  function shown(value) {
    return String(Math.round(value)).replace('.', ',');
  }

  var focusX = document.getElementById('focalX');
  var focusY = document.getElementById('focalY');
  var stage = document.querySelector('[data-focus-stage]');
  if (focusX && focusY && stage) {
    var marker = stage.querySelector('[data-focus-marker]');
    var previews = document.querySelectorAll('[data-focus-preview]');
    var drawFocus = function () {
      var x = percent(focusX);
      var y = percent(focusY);
      if (x === null || y === null) {
        return;
      }
      marker.style.left = x + '%';
      marker.style.top = y + '%';
      previews.forEach(function (img) {
        img.style.objectPosition = x + '% ' + y + '%';
      });
    };
    stage.querySelector('[data-focus-image]').addEventListener('click', function (event) {
      var box = event.currentTarget.getBoundingClientRect();
      focusX.value = shown(100 * (event.clientX - box.left) / box.width);
      focusY.value = shown(100 * (event.clientY - box.top) / box.height);
      drawFocus();
    });
    focusX.addEventListener('input', drawFocus);
    focusY.addEventListener('input', drawFocus);
  }

  var crop = document.querySelector('[data-crop-form]');
  var cropBox = document.querySelector('[data-crop-box]');
  if (crop && cropBox) {
    var fields = ['cropX', 'cropY', 'cropWidth', 'cropHeight'].map(function (id) {
      return document.getElementById(id);
    });
    var drawCrop = function () {
      var v = fields.map(percent);
      if (v.indexOf(null) >= 0) {
        return;
      }
      cropBox.style.left = v[0] + '%';
      cropBox.style.top = v[1] + '%';
      cropBox.style.width = Math.min(v[2], 100 - v[0]) + '%';
      cropBox.style.height = Math.min(v[3], 100 - v[1]) + '%';
    };
    fields.forEach(function (field) {
      field.addEventListener('input', drawCrop);
    });
  }
}());
