// Search-as-you-type for the bulletin form's person picker. Progressive enhancement only: without
// JavaScript the "Sök" button posts the form and the server answers with the same list.
(function () {
  var field = document.getElementById("find");
  var found = document.getElementById("found");
  if (!field || !found || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = "";

  function search() {
    var text = field.value.trim();
    if (text === asked) {
      return;
    }
    asked = text;
    fetch("/app/bulletins/people?find=" + encodeURIComponent(text), { credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html === null || text !== asked) {
          return;
        }
        // The server renders and escapes the list; it replaces only what it sent before.
        var list = new DOMParser().parseFromString(html, "text/html").getElementById("found");
        if (list) {
          found.replaceChildren.apply(found, Array.prototype.slice.call(list.childNodes));
        }
      });
  }

  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  // Enter in the search field searches instead of sending the form to the check step.
  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      search();
    }
  });
  // A ticked person moves up to the chosen ones, so the next search does not take them away.
  found.addEventListener("change", function (event) {
    var box = event.target;
    if (box.name === "people" && box.checked) {
      var item = document.createElement("li");
      item.appendChild(box.closest("label"));
      document.getElementById("chosen").appendChild(item);
    }
  });
})();
