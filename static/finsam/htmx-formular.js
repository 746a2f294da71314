// A form sent with htmx that the server refuses (400) or finds in conflict (409)
// comes back with the Swedish messages next to the fields: show it, as a page
// load without JavaScript would, instead of treating it as a failure.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
