// The learner's page: "Open it again" reloads this page, which starts the session
// again; an unfinished session resumes where it stopped once the learner gives
// their name. No inline script: the page's Content-Security-Policy forbids it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("restart");
  if (button) {
    button.addEventListener("click", function () { window.location.reload(); });
  }
});
