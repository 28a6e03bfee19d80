// Live SMS counter for the bulletin form. Progressive enhancement only: without JavaScript the
// confirm step shows the same figures, counted by the server (SmsSegments.java uses the same rules).
(function () {
  var BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
      "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var EXTENSION = "\f^{}\\[~]|€";
  var sv = document.documentElement.lang !== "en";

  function count(text) {
    var septets = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0) {
        septets++;
      } else if (EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        var culprit = String.fromCodePoint(text.codePointAt(i));
        return { units: text.length, segments: text.length <= 70 ? 1 : Math.ceil(text.length / 67), ucs2: culprit };
      }
    }
    return { units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153), ucs2: null };
  }

  function update() {
    var text = document.getElementById("text").value;
    var drill = document.querySelector("input[name=drill]").checked;
    // The field is absent when the SMS sender cannot take replies.
    var field = document.getElementById("replyOptions");
    var options = field ? field.value.trim().split(/[\s,;]+/).filter(Boolean) : [];
    var message = (drill ? "ÖVNING: " : "") + text;
    if (options.length) {
      message += "\nSvara: " + options.map(function (o, i) { return (i + 1) + " " + o.toUpperCase(); }).join(", ");
    }
    var c = count(message);
    var people = 0;
    document.querySelectorAll("input[name=groups]:checked").forEach(function (g) { people += Number(g.dataset.members); });
    people += document.querySelectorAll("input[name=people]:checked").length;
    var out = document.getElementById("counter");
    var cost = (c.segments * people * Number(out.dataset.price)).toFixed(2);
    if (sv) {
      cost = cost.replace(".", ",");
    }
    var line = sv
        ? message.length + " tecken · " + c.segments + " SMS per person · högst " + cost + " kr för de valda"
        : message.length + " characters · " + c.segments + " SMS per person · at most " + cost + " SEK for those chosen";
    if (c.ucs2) {
      line += sv
          ? " · Tecknet " + c.ucs2 + " gör att ett SMS bara rymmer 70 tecken (UCS-2). Byt ut det för att sänka kostnaden."
          : " · The character " + c.ucs2 + " limits an SMS to 70 characters (UCS-2). Replace it to lower the cost.";
    }
    out.textContent = line;
  }

  document.getElementById("bulletin-form").addEventListener("input", update);
  document.getElementById("bulletin-form").addEventListener("change", update);
  update();
})();
