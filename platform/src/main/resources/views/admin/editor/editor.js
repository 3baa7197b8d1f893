/*
 * The staff area's rich-text editor: every <textarea data-rich-text> becomes a TinyMCE 6 editor (served from
 * this application, no CDN). Without JavaScript the field stays a plain HTML textarea and everything still
 * works: the server's sanitiser is the authority on what is kept either way.
 *
 * - Vietnamese UI; headings, lists, links, tables, images (alt text asked for, and required by the server),
 *   picked from the media library's list or by address.
 * - Pasted Word content is cleaned by TinyMCE's paste filter (no styles, classes or Office markup kept).
 * - Text typed through Telex/VNI input methods or pasted in decomposed form is sent as NFC.
 * - Autosave to this browser every few seconds; a saved copy newer than the page is offered back on reopening.
 */
(function () {
  'use strict';

  function nfcAllFields(form) {
    form.querySelectorAll('input[type=text], input[type=email], input[type=tel], textarea').forEach(function (field) {
      if (field.value && field.value.normalize) {
        field.value = field.value.normalize('NFC');
      }
    });
  }

  document.addEventListener('submit', function (event) {
    if (window.tinymce) {
      window.tinymce.triggerSave();
      // the text is now on its way to the server, which shows it back on any error: the local copy has done its job
      window.tinymce.get().forEach(function (editor) {
        if (editor.plugins.autosave && event.target.contains(editor.getElement())) {
          editor.plugins.autosave.removeDraft(false);
        }
      });
    }
    nfcAllFields(event.target);
  }, true);

  var areas = document.querySelectorAll('textarea[data-rich-text]');
  if (!areas.length) {
    return;
  }
  var base = '/quan-tri/tai-nguyen/tinymce';
  var script = document.createElement('script');
  script.src = base + '/tinymce.min.js';
  script.onload = function () {
    var config = {
      base_url: base,
      suffix: '.min',
      language: 'vi',
      language_url: '/quan-tri/tai-nguyen/tinymce-vi.js',
      menubar: false,
      branding: false,
      promotion: false,
      statusbar: true,
      elementpath: false,
      min_height: 360,
      plugins: 'lists link table image autosave autoresize',
      toolbar: 'undo redo | blocks | bold italic | bullist numlist | link image table | removeformat | restoredraft',
      toolbar_mode: 'wrap',
      block_formats: 'Đoạn văn=p; Tiêu đề 2=h2; Tiêu đề 3=h3; Tiêu đề 4=h4',
      // what the server keeps (vn.cong.content.RichText): no styles, classes or scripts
      valid_styles: {},
      invalid_styles: 'color font-size font-family background background-color',
      paste_data_images: false,
      paste_remove_styles_if_webkit: true,
      paste_webkit_styles: 'none',
      convert_urls: false,
      image_description: true,
      // the tenant's pictures from its media library (/quan-tri/thu-vien), picked by their description
      image_list: '/quan-tri/thu-vien/anh.json',
      image_dimensions: false,
      image_title: false,
      link_default_target: '',
      link_assume_external_targets: 'https',
      table_default_styles: {},
      table_default_attributes: {},
      table_resize_bars: false,
      object_resizing: false,
      autosave_interval: '5s',
      autosave_retention: '10080m',
      autosave_ask_before_unload: true,
      autosave_restore_when_empty: false,
      autosave_prefix: 'cong-{path}{query}-{id}-',
      setup: function (editor) {
        editor.on('GetContent', function (e) {
          if (typeof e.content === 'string' && e.content.normalize) {
            e.content = e.content.normalize('NFC');
          }
        });
        editor.on('init', function () {
          var autosave = editor.plugins.autosave;
          if (autosave && autosave.hasDraft()) {
            editor.notificationManager.open({
              text: 'Có bản lưu tạm của nội dung này trên máy bạn. Bấm nút «Khôi phục bản nháp» trên thanh công cụ để lấy lại.',
              type: 'info'
            });
          }
        });
      }
    };
    // a field in a form shown read-only (the item is locked by the workflow) becomes a read-only editor
    window.tinymce.init(Object.assign({}, config, {selector: 'textarea[data-rich-text]:enabled'}));
    window.tinymce.init(Object.assign({}, config, {selector: 'textarea[data-rich-text]:disabled', readonly: true,
      plugins: 'lists link table image autoresize', toolbar: false}));
  };
  document.head.appendChild(script);
}());
