// Selecting text on a page fills the "Redact other text" form with that page and text; the form
// works without this script (type the text instead).
(function () {
  var form = document.getElementById('redact-form');
  if (!form) return;
  document.addEventListener('mouseup', fill);
  document.addEventListener('keyup', fill);
  function fill() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed) return;
    var node = sel.anchorNode && (sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentElement);
    var page = node && node.closest('.review-page');
    var text = sel.toString().trim();
    if (!page || !text || text.length > 1000) return;
    form.querySelector('[name=page]').value = page.getAttribute('data-page');
    form.querySelector('[name=text]').value = text;
  }
})();
