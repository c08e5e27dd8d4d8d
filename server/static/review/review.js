// sourcemark web view: keyboard review loop, bulk selection, dialogs. No remote code, no inline
// script (strict CSP): everything is wired here from data-* attributes the templates set.
(function () {
  "use strict";

  // The statuses, verdicts and their shortcut keys come from the server (a JSON data block in the
  // page, written from worker/vocabulary.py): this file spells none of them.
  var VOCABULARY = (function () {
    var el = document.getElementById("sourcemark-vocabulary");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();
  var STATUS = VOCABULARY.statuses || {};
  var VERDICT = VOCABULARY.verdicts || {};
  function own(map, key) { return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null; }
  function keyStatus(key) { return own(VOCABULARY.statusKeys || {}, key); }

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function csrf() { var m = $('meta[name="csrf-token"]'); return m ? m.getAttribute("content") : ""; }

  var toastTimer = null;
  function toast(message, bad) {
    var el = $("#toast");
    if (!el) return;
    el.textContent = message;
    el.className = "toast" + (bad ? " bad" : "");
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { el.hidden = true; }, 2600);
  }

  // Session-authenticated JSON call: the CSRF token travels in X-CSRFToken.
  function review(url, changes) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(), "Accept": "application/json" },
      body: JSON.stringify(changes)
    }).then(function (resp) {
      // An ended session answers with the sign-in page (a redirect), not with JSON.
      if (resp.redirected || (resp.headers.get("Content-Type") || "").indexOf("json") < 0) {
        throw new Error(resp.status === 400 ? "The page expired: reload it and try again"
                                             : "Your session has ended: sign in again");
      }
      return resp.json().catch(function () { return {}; }).then(function (body) {
        if (!resp.ok) {
          var msg = (body && body.error && body.error.message) || ("The server answered " + resp.status);
          throw new Error(msg);
        }
        return body;
      });
    });
  }

  function badge(cls, text) {
    var span = document.createElement("span");
    span.className = cls;
    span.textContent = text;
    return span;
  }

  function paint(row, f) {
    row.className = row.className.replace(/\bst-\S+/g, "").trim() + " st-" + f.status;
    var slot = $(".status-slot", row);
    if (slot) { slot.textContent = ""; slot.appendChild(badge("badge st-" + f.status, own(STATUS, f.status) || f.status)); }
    var v = $(".verdict-slot", row);
    if (v) { v.textContent = ""; if (f.verdict) v.appendChild(badge("badge verdict v-" + f.verdict, own(VERDICT, f.verdict) || f.verdict)); }
    var a = $(".assignee-slot", row);
    if (a) { a.textContent = ""; if (f.assignee) { a.appendChild(document.createTextNode(" · ")); a.appendChild(badge("assignee", "→ " + f.assignee)); } }
    var n = $(".note-slot", row);
    if (n) { n.textContent = ""; if (f.note) {
      var s = badge("note", "✎ " + (f.note.length > 60 ? f.note.slice(0, 59) + "…" : f.note));
      s.title = f.note;
      n.appendChild(document.createTextNode(" · "));
      n.appendChild(s);
    } }
  }

  // --- overlays --------------------------------------------------------------------------------
  var openOverlay = null;
  function show(id, onOpen) {
    var el = document.getElementById(id);
    if (!el) return;
    el.hidden = false;
    openOverlay = el;
    if (onOpen) onOpen(el);
  }
  function closeOverlay() {
    if (openOverlay) { openOverlay.hidden = true; openOverlay = null; }
  }
  $all("[data-close]").forEach(function (b) { b.addEventListener("click", closeOverlay); });
  $all(".overlay").forEach(function (o) {
    o.addEventListener("click", function (e) { if (e.target === o) closeOverlay(); });
  });
  $all("[data-help-open]").forEach(function (b) { b.addEventListener("click", function () { show("help"); }); });

  // --- queue -----------------------------------------------------------------------------------
  var list = $("#findings");
  var rows = list ? $all(".finding-row", list) : [];
  var current = -1;

  function select(i) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, k) { r.classList.toggle("current", k === current); });
    rows[current].focus({ preventScroll: true });
    rows[current].scrollIntoView({ block: "nearest" });
  }
  function currentRow() { return current >= 0 ? rows[current] : null; }
  // The queue is paged: j past the last row opens the next page at its first row, k before the
  // first opens the previous page at its last, so a review session never stops at a page edge.
  function step(delta) {
    var i = current + delta;
    var edge = i >= rows.length ? $('.pager a[rel="next"]') : (i < 0 && current >= 0 ? $('.pager a[rel="prev"]') : null);
    if (edge) { window.location.href = edge.href + (delta > 0 ? "#first" : "#last"); return; }
    select(i < 0 ? 0 : i);
  }
  if (rows.length && window.location.hash === "#first") select(0);
  if (rows.length && window.location.hash === "#last") select(rows.length - 1);

  function applyToCurrent(changes, advance) {
    var row = currentRow();
    if (!row) { toast("Pick a finding first (j / k)", true); return; }
    review(row.getAttribute("data-review-url"), changes).then(function (body) {
      paint(row, body.finding);
      toast(describe(changes));
      if (advance) step(1);
    }).catch(function (err) { toast(err.message, true); });
  }

  function describe(changes) {
    if (changes.status) return "Marked " + (own(STATUS, changes.status) || changes.status).toLowerCase();
    if ("verdict" in changes) return changes.verdict ? "Verdict: " + (own(VERDICT, changes.verdict) || changes.verdict) : "Verdict cleared";
    if ("note" in changes) return "Note saved";
    if ("assignee" in changes) return changes.assignee ? "Assigned" : "Unassigned";
    return "Saved";
  }

  function updateSelected() {
    var n = $all('input[name="ids"]:checked').length;
    var label = $("#selected-count");
    if (label) label.textContent = n + " selected";
    var apply = $("#bulk-apply");
    if (apply) apply.disabled = n === 0;
  }
  $all('input[name="ids"]').forEach(function (box) { box.addEventListener("change", updateSelected); });
  updateSelected();

  rows.forEach(function (row, i) {
    row.addEventListener("click", function (e) {
      if (e.target.closest("a, input, button")) return;
      select(i);
    });
  });

  // Dialog forms (note, assignee, verdict) post to the selected finding (queue) or the page's one.
  $all(".overlay form.dialog[data-field]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var field = form.getAttribute("data-field");
      var value = form.elements.value.value;
      var changes = {};
      changes[field] = value === "" ? null : value;
      closeOverlay();
      applyToCurrent(changes, false);
    });
  });

  function openDialog(id, field) {
    var row = currentRow();
    if (!row) { toast("Pick a finding first (j / k)", true); return; }
    show(id, function (el) {
      var input = el.querySelector('[name="value"]');
      if (field === "note") {
        var note = $(".note", row);
        input.value = note ? (note.getAttribute("title") || "") : "";
      }
      input.focus();
    });
  }

  // --- finding detail --------------------------------------------------------------------------
  var detail = $("#detail");
  function detailStatus(status) {
    review(detail.getAttribute("data-review-url"), { status: status }).then(function () {
      window.location.reload();
    }).catch(function (err) { toast(err.message, true); });
  }
  function follow(id) { var a = document.getElementById(id); if (a) window.location.href = a.href; }

  // --- article view: marks and list point at each other ----------------------------------------
  var articleText = $("#article-text");
  if (articleText) {
    var showFindingOf = function (e) {
      var mark = e.target.closest("mark[data-finding]");
      if (!mark) return false;
      var item = document.getElementById("finding-" + mark.getAttribute("data-finding"));
      if (!item) return false;
      $all(".mini-list li.active").forEach(function (li) { li.classList.remove("active"); });
      item.classList.add("active");
      item.scrollIntoView({ block: "center", behavior: "smooth" });
      return true;
    };
    articleText.addEventListener("click", showFindingOf);
    // Marks are focusable (Tab): Enter or Space does what a click does.
    articleText.addEventListener("keydown", function (e) {
      if ((e.key === "Enter" || e.key === " ") && showFindingOf(e)) e.preventDefault();
    });
    $all(".mini-list li[data-finding]").forEach(function (li) {
      li.addEventListener("mouseenter", function () {
        $all('mark[data-finding="' + li.getAttribute("data-finding") + '"]').forEach(function (m) { m.classList.add("focus"); });
      });
      li.addEventListener("mouseleave", function () {
        $all("mark.focus").forEach(function (m) { m.classList.remove("focus"); });
      });
    });
    if (window.location.hash.indexOf("#finding-") === 0) {
      var id = window.location.hash.slice(9);
      var first = $('mark[data-finding="' + id + '"]');
      if (first) { first.classList.add("focus"); first.scrollIntoView({ block: "center" }); }
    }
  }

  // --- the keyboard ----------------------------------------------------------------------------
  var pendingG = false;
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { closeOverlay(); if (document.activeElement) document.activeElement.blur(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    // Typing in a field is typing, not a command; a ticked checkbox keeps the shortcuts alive.
    if (t && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) ||
        (t.tagName === "INPUT" && !/^(checkbox|radio)$/.test(t.type)))) return;
    if (openOverlay) return;
    var key = e.key;
    if (pendingG) {
      pendingG = false;
      if (key === "q") { window.location.href = "/review"; e.preventDefault(); }
      else if (key === "d") { window.location.href = "/review/dashboard"; e.preventDefault(); }
      return;
    }
    if (key === "?") { show("help"); e.preventDefault(); return; }
    if (key === "g") { pendingG = true; setTimeout(function () { pendingG = false; }, 1200); return; }
    if (key === "/") { var q = $("#q"); if (q) { q.focus(); q.select(); e.preventDefault(); } return; }

    if (list) {
      if (key === "j") { step(1); }
      else if (key === "k") { step(-1); }
      else if (key === "o" || key === "Enter") { var r = currentRow(); if (r) window.location.href = r.getAttribute("data-url"); else return; }
      else if (keyStatus(key)) { applyToCurrent({ status: keyStatus(key) }, true); }
      else if (key === "n") { openDialog("note-dialog", "note"); }
      else if (key === "a") { openDialog("assign-dialog", "assignee"); }
      else if (key === "v") { openDialog("verdict-dialog", "verdict"); }
      else if (key === "x") {
        var row = currentRow();
        if (!row) return;
        var box = $('input[name="ids"]', row);
        box.checked = !box.checked;
        updateSelected();
      } else if (key === "D") {
        if (!$all('input[name="ids"]:checked').length) { toast("Select findings with x first", true); return; }
        var form = $("#bulk");
        form.elements.action.value = VOCABULARY.bulkKeyStatus;
        form.submit();
      } else { return; }
      e.preventDefault();
      return;
    }
    if (detail) {
      if (keyStatus(key)) { detailStatus(keyStatus(key)); }
      else if (key === "j") { follow("next-finding"); }
      else if (key === "k") { follow("prev-finding"); }
      else if (key === "n") { $("#f-note").focus(); }
      else if (key === "a") { $("#f-assignee").focus(); }
      else if (key === "v") { $("#f-verdict").focus(); }
      else { return; }
      e.preventDefault();
    }
  });
})();
