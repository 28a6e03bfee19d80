// The status page outlives Outband: when the subscription service does not answer, the form says so here
// instead of leaving the reader on the browser's error page. Without this script the form posts as usual.
(function () {
  'use strict';
  var form = document.getElementById('subscribe-form');
  var status = document.getElementById('subscribe-status');
  if (!form || !status || !window.fetch) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = '';
    // Any answer at all (even a redirect) means Outband is there; only a failed connection rejects.
    fetch(form.action, { method: 'GET', mode: 'no-cors', redirect: 'manual', cache: 'no-store' }).then(function () {
      // submit() does not come back through this listener: the form posts as it would without the script.
      form.submit();
    }, function () {
      status.textContent = form.getAttribute('data-unreachable');
    });
  });
})();
