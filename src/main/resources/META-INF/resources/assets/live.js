// Keeps a bulletin's figures current while messages are on their way or replies can come, without
// reloading the page: a reload threw a screen reader back to the top every 10 seconds (WCAG 2.2.1).
// Only the parts marked data-live are replaced, never one holding the focus, and the leader can pause.
// Without JavaScript the page has a plain "update" link instead.
(function () {
  var live = document.getElementById("live");
  var state = document.getElementById("live-state");
  var button = document.getElementById("live-pause");
  if (!live || !state || !button || !window.fetch || !window.DOMParser) {
    return;
  }
  var EVERY = Number(live.dataset.every) || 10000;
  var timer = null;
  var paused = false;

  function clock() {
    // Swedish time, as every other time in the UI (TimeExtensions), whatever the phone's own zone.
    return new Date().toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Stockholm" });
  }

  function schedule() {
    clearTimeout(timer);
    if (!paused) {
      timer = setTimeout(update, EVERY);
    }
  }

  function update() {
    fetch(location.pathname, { credentials: "same-origin", cache: "no-store" })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html === null) {
          schedule();
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live]").forEach(function (old) {
          var now = fresh.getElementById(old.id);
          if (now && !old.contains(document.activeElement) && old.innerHTML !== now.innerHTML) {
            old.innerHTML = now.innerHTML;
          }
        });
        if (!fresh.getElementById("live")) {
          // Everything has arrived and no reply can come any more: nothing left to follow.
          clearTimeout(timer);
          button.hidden = true;
          state.textContent = live.dataset.updated + " " + clock() + ".";
          return;
        }
        state.textContent = live.dataset.updated + " " + clock() + ".";
        schedule();
      })
      .catch(schedule);
  }

  button.addEventListener("click", function () {
    paused = !paused;
    button.textContent = paused ? live.dataset.resume : live.dataset.pause;
    state.textContent = paused ? live.dataset.paused : live.dataset.updated + " " + clock() + ".";
    if (paused) {
      clearTimeout(timer);
    } else {
      update();
    }
  });
  button.hidden = false;
  state.textContent = live.dataset.updated + " " + clock() + ".";
  schedule();
})();
