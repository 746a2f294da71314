// Deltagarenkät: discourage a second answer from the same browser, and, on a kiosk,
// keep the next person from paging back into the previous one's answers.
// Only a flag per measurement in this browser's own storage; nothing is sent anywhere.
(function () {
  "use strict";
  var tack = document.getElementById("tack");
  var nyckel = tack && tack.dataset.enkat;
  if (tack && tack.dataset.kiosk) {
    // The back button stays on the thanks page (the server stores a resend once anyway).
    window.history.pushState(null, "", window.location.href);
    window.addEventListener("popstate", function () {
      window.history.pushState(null, "", window.location.href);
    });
  }
  try {
    if (nyckel && !tack.dataset.kiosk) {
      window.localStorage.setItem("enkat:" + nyckel, "1");
    }
    var borja = document.querySelector("a[data-enkat]");
    var notis = document.getElementById("redan-svarat");
    if (borja && notis && window.localStorage.getItem("enkat:" + borja.dataset.enkat)) {
      notis.classList.remove("d-none");
    }
  } catch (e) {
    // Storage turned off: the survey works the same, without the reminder.
  }
})();
