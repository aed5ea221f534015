// vanban: the pages work without this file. It only submits a form when
// one of its <select data-autosubmit> changes, and marks <html> so tests
// can tell whether scripts ran.
document.documentElement.dataset.js = "on";
document.addEventListener("change", function (e) {
  var t = e.target;
  if (t.matches && t.matches("select[data-autosubmit]") && t.form) {
    t.form.requestSubmit ? t.form.requestSubmit() : t.form.submit();
  }
});
