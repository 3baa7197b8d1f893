// The main menu on a phone: folded behind one button, opened and closed by click, Enter or Space (a real
// <button>), closed again by Escape with the focus back on the button. Without JavaScript the menu simply
// shows in full; the script is served from the theme's own files (the pages' CSP allows nothing else).
(function () {
  var nav = document.querySelector('.main-nav');
  var button = nav && nav.querySelector('.menu-toggle');
  var menu = nav && document.getElementById(button ? button.getAttribute('aria-controls') : '');
  if (!nav || !button || !menu) {
    return;
  }
  document.documentElement.classList.add('js-menu');
  button.hidden = false;
  function set(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    nav.classList.toggle('menu-open', open);
  }
  button.addEventListener('click', function () {
    set(button.getAttribute('aria-expanded') !== 'true');
  });
  nav.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && nav.classList.contains('menu-open')) {
      set(false);
      button.focus();
    }
  });
}());
