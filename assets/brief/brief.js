/* The district brief's "Print / Save as PDF" button (/brief). A file, not an inline script: the
   Content-Security-Policy allows scripts from this server only. Without JavaScript the button stays
   hidden and the browser's own Print command prints the same page. */
(function () {
  "use strict";
  function ready() {
    var button = document.getElementById("print-brief");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
}());
