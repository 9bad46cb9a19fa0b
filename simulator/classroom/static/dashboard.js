// The coach's dashboard: polls state.json (relative to this page, so the coach token
// in the path goes with it) and rebuilds the tables. Every value from the class is set
// with textContent: a learner's name or text is never parsed as HTML.
"use strict";
(function () {
  var POLL_MS = 2000;
  var BAR_REM_PER_POINT = 0.08;

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function fill(tableId, items, build) {
    var body = document.querySelector("#" + tableId + " tbody");
    var rows = document.createDocumentFragment();
    items.forEach(function (item) {
      var tr = document.createElement("tr");
      build(tr, item);
      rows.appendChild(tr);
    });
    body.replaceChildren(rows);
  }

  function statusClass(status) {
    return "s-" + String(status).replace(/[^a-z]+/g, "-");
  }

  function render(state) {
    var counts = Object.keys(state.counts).map(function (k) {
      return k + ": " + state.counts[k];
    });
    document.getElementById("counts").textContent =
      counts.join(", ") + " (" + state.submissions + " submissions)";
    fill("class", state.students, function (tr, s) {
      tr.dataset.student = s.name;
      cell(tr, s.name);
      cell(tr, s.playing ? "playing" + (s.stage ? " (" + s.stage + ")" : "") : "");
      cell(tr, s.status, statusClass(s.status));
      cell(tr, s.score === null ? "-" : s.score, "num");
      cell(tr, s.submissions, "num");
      cell(tr, s.last_received ? new Date(s.last_received).toLocaleTimeString() : "");
      cell(tr, s.notes.join(", "));
      var td = cell(tr, "");
      if (s.submissions > 0) {
        // By the student's key, not their row: the table may have changed since.
        var a = document.createElement("a");
        a.href = "student/?name=" + encodeURIComponent(String(s.key));
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = "open";
        td.appendChild(a);
      }
    });
    fill("criteria", state.criteria, function (tr, c) {
      var td = cell(tr, c.name);
      var value = c.average === null ? "N/A" : c.average;
      var avg = cell(tr, "", "num");
      if (c.average !== null) {
        // CSSOM width (allowed by the CSP), not a style attribute (refused by it).
        var bar = document.createElement("span");
        bar.className = "bar";
        bar.setAttribute("aria-hidden", "true");
        bar.style.width = (Math.max(0, Math.min(100, c.average)) * BAR_REM_PER_POINT) + "rem";
        avg.appendChild(bar);
      }
      avg.appendChild(document.createTextNode(String(value)));
      cell(tr, c.students, "num");
      return td;
    });
    fill("findings", state.findings, function (tr, f) {
      cell(tr, f.signal + (f.polarity === "negative" ? " (lost points)" : " (gained points)"));
      cell(tr, f.rule);
      cell(tr, f.students, "num");
    });
    document.getElementById("updated").textContent =
      "Updated " + new Date().toLocaleTimeString();
  }

  function poll() {
    fetch("state.json", { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("the server answered " + response.status); }
        return response.json();
      })
      .then(render)
      .catch(function (error) {
        var note = document.getElementById("updated");
        note.textContent = "Not updated: " + error.message;
        note.className = "meta error";
      })
      .finally(function () { window.setTimeout(poll, POLL_MS); });
  }

  document.addEventListener("DOMContentLoaded", poll);
})();
