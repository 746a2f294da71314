// Deltagarenkät: discourage a second answer from the same browser, and nothing else.
// Only a flag per measurement in this browser's own storage; nothing is sent anywhere.
(function () {
  "use strict";
  var tack = document.getElementById("tack");
  var nyckel = tack && tack.dataset.enkat;
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
