// The call list's print button: printing is a browser command, so the button exists only with JavaScript;
// without it the browser's own Print (Ctrl+P) prints the same sheet.
(function () {
  var button = document.getElementById("print");
  if (!button || !window.print) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
