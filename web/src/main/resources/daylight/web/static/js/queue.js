// "Select all on this page" for the queue's bulk actions. Without this script the box stays
// hidden and each request is ticked by hand; the form works the same.
(function () {
  var all = document.getElementById('pick-all');
  if (!all) return;
  var boxes = document.querySelectorAll('input[name=requests][form=bulk]');
  all.hidden = false;
  all.addEventListener('change', function () {
    boxes.forEach(function (b) { b.checked = all.checked; });
  });
  boxes.forEach(function (b) {
    b.addEventListener('change', function () {
      var ticked = Array.prototype.filter.call(boxes, function (x) { return x.checked; }).length;
      all.checked = ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    });
  });
})();
