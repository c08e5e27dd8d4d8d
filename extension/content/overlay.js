/*
 * overlay: everything sourcemark draws besides the highlights — the status line, the finding
 * cards and the side panel — inside one shadow root, so the page's CSS cannot reach it and ours
 * cannot leak out. Every string that comes from the server goes in as text (textContent /
 * createTextNode), never as HTML.
 */
(function (root) {
  'use strict';

  const KIND = {
    attribution: { one: 'Attributed statement', many: 'Attributed statements', symbol: '\u201C\u201D' },
    unverified: { one: 'Unverifiable claim', many: 'Unverifiable claims', symbol: '?' },
  };
  const TYPE = {
    direct_quote: 'Direct quote: the speaker\u2019s own words',
    indirect: 'Reported speech: the speaker\u2019s words paraphrased',
    according_to: 'Attributed with \u201caccording to\u201d',
    mixed: 'Partly quoted, partly paraphrased',
    summary: 'Summed up by the writer: what the source spoke about, not a full statement',
    unconfirmed: 'Not confirmed: the text says it cannot be or has not been confirmed',
    reported: 'Reported, not established (\u201creports of\u201d, \u201creportedly\u201d)',
    anonymous_source: 'Rests on an anonymous source',
    hedged: 'Hedged: stated with doubt or approximation',
    weasel: 'Vague attribution (\u201csome say\u201d, \u201ccritics argue\u201d)',
    unsourced_figure: 'A figure with no source given',
  };
  const TYPE_SHORT = {
    direct_quote: 'direct quote', indirect: 'reported speech', according_to: 'according to',
    mixed: 'partly quoted', summary: 'summed up', unconfirmed: 'not confirmed', reported: 'reported',
    anonymous_source: 'anonymous source', hedged: 'hedged', weasel: 'vague attribution',
    unsourced_figure: 'unsourced figure',
  };
  // The panel sits beside the article, which is narrowed to make room (never over it); below
  // this much room left for the article it starts folded to an edge tab. The reader's choice of
  // open or folded is remembered per site in chrome.storage.local.
  const MIN_ARTICLE_WIDTH = 560;
  const TAB_WIDTH = 34;
  const PANEL_PREF_KEY = 'panelBySite';
  const VERDICT = {
    unverified: 'unverified', confirmed: 'confirmed', false: 'false', misleading: 'misleading',
  };
  const STATUS = { new: 'not reviewed yet', confirmed: 'confirmed by an editor',
    dismissed: 'dismissed by an editor', follow_up: 'being followed up by an editor' };

  const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
.layer > * { pointer-events: auto; }
[hidden] { display: none !important; }
button { font: inherit; cursor: pointer; }
.status { position: fixed; left: 16px; bottom: 16px; max-width: min(520px, calc(100vw - 32px));
  background: #fff; border: 1px solid #888; border-left: 6px solid #1f4fa0; border-radius: 6px;
  padding: 8px 12px; box-shadow: 0 2px 10px rgba(0,0,0,.2); display: flex; gap: 10px;
  align-items: flex-start; }
.status.error { border-left-color: #b00020; }
.status .text { flex: 1; }
.status .close, .panel .close { border: 0; background: none; font-size: 18px; line-height: 1; }
.card { position: fixed; width: min(380px, calc(100vw - 16px)); background: #fff; color: #1b1b1b;
  border: 1px solid #777; border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 18px rgba(0,0,0,.25);
  overflow: auto; overscroll-behavior: contain; }
.card section + section { border-top: 1px solid #ddd; margin-top: 8px; padding-top: 8px; }
.kind { font-weight: 700; display: flex; gap: 6px; align-items: center; }
.sym { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 4px; color: #fff;
  font-weight: 700; padding: 0 4px; }
.attribution .sym { background: #1f4fa0; }
.unverified .sym { background: #a04800; }
.type { margin: 2px 0 6px; }
dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; }
dt { color: #555; } dd { margin: 0; }
.reasons { margin: 4px 0 0; padding-left: 18px; }
.verdict { margin-top: 6px; padding: 4px 6px; background: #f3f0ff; border-left: 4px solid #5b3fb5; }
.checked { margin-top: 6px; padding: 4px 6px; background: #eef7f0; border-left: 4px solid #2f7a45; }
.checked a { color: #1f4fa0; }
.elsewhere { margin-top: 4px; color: #444; font-size: 13px; }
.factcheck { margin: 6px 0 0; padding: 4px 6px; background: #eef7ee; border-left: 4px solid #2e7d32; }
.figures { margin-top: 6px; }
.figures ul { margin: 2px 0 0; padding-left: 18px; }
.figure.diverges .label { font-weight: 700; }
.differs { color: #a00000; }
.actions { margin-top: 8px; display: flex; gap: 8px; flex-wrap: wrap; }
.actions button, form button { border: 1px solid #777; background: #f6f6f6; border-radius: 4px; padding: 2px 8px; }
form { margin-top: 6px; display: grid; gap: 6px; }
textarea { width: 100%; min-height: 60px; font: inherit; }
.note { color: #333; font-size: 13px; }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: 360px; background: #fff;
  border-left: 1px solid #888; box-shadow: -2px 0 12px rgba(0,0,0,.2); display: flex; flex-direction: column; }
.panel header { padding: 10px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 8px; align-items: baseline; }
.panel header .counts { flex: 1; color: #333; font-size: 13px; }
.views { display: flex; gap: 6px; padding: 6px 12px; }
.views button { border: 1px solid #888; background: #fff; border-radius: 12px; padding: 1px 10px; }
.views button[aria-pressed="true"] { background: #1b1b1b; color: #fff; }
.groups { overflow: auto; padding: 0 12px 12px; flex: 1; }
.groups h3 { font-size: 14px; margin: 12px 0 4px; }
.groups ul { list-style: none; margin: 0; padding: 0; }
.item { display: block; width: 100%; text-align: left; border: 0; border-left: 4px solid #1f4fa0;
  background: #f7f9fd; margin: 3px 0; padding: 4px 8px; }
.item.unverified { border-left-style: dashed; border-left-color: #a04800; background: #fff8ee; }
.item .sym { margin-right: 6px; }
.item .meta { display: block; font-size: 12px; color: #444; font-weight: 600; }
.item .quote { display: block; }
.lost { margin: 3px 0; padding: 4px 8px; border-left: 4px dotted #777; background: #f4f4f4; }
.launcher { position: fixed; right: 0; top: 30%; width: ${TAB_WIDTH}px; border: 1px solid #555;
  border-right: 0; background: #fff; border-radius: 8px 0 0 8px; padding: 10px 0;
  writing-mode: vertical-rl; box-shadow: -2px 2px 8px rgba(0,0,0,.2); font-weight: 600; }
`;

  /** Element with attributes and children; strings become text nodes (never parsed as HTML). */
  function h(doc, tag, attrs, ...children) {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      if (k === 'className') el.className = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? doc.createTextNode(String(c)) : c);
    }
    return el;
  }

  const str = (v) => (typeof v === 'string' ? v : '');

  /** Only an http(s) address may become a link the reader can follow. */
  function webUrl(v) {
    try {
      const url = new URL(str(v));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
    } catch (e) {
      return '';
    }
  }

  /** "Checked by <desk> on <date>: <verdict>", the verdict editors published on the same claim
   *  in another article, with a link to that article. */
  function checkedLine(d, f) {
    const c = f.checked && typeof f.checked === 'object' ? f.checked : null;
    if (!c || !str(c.text)) return null;
    const original = c.original && typeof c.original === 'object' ? c.original : {};
    const href = webUrl(original.url);
    const where = str(original.site) || str(original.host);
    return h(d, 'div', { className: 'checked' },
      h(d, 'span', { className: 'checked-text' }, c.text),
      href ? [' ', h(d, 'a', { href, target: '_blank', rel: 'noopener noreferrer', className: 'original' },
        where ? `Reviewed original (${where})` : 'Reviewed original')] : null);
  }

  /** "Same claim in N other articles", when the server knows of any. */
  function matchesLine(d, f) {
    const m = f.matches && typeof f.matches === 'object' ? f.matches : null;
    const n = m && Number.isInteger(m.count) ? m.count : 0;
    if (n < 1) return null;
    const hosts = (Array.isArray(m.best) ? m.best : []).map((b) => str(b && b.host)).filter(Boolean);
    const text = `Same claim in ${n} other article${n === 1 ? '' : 's'}` +
      (hosts.length ? `: ${hosts.join(', ')}` : '');
    return h(d, 'div', { className: 'elsewhere' }, text);
  }

  function speakerLabel(f) {
    const s = f.speaker;
    if (!s) return '';
    let who = str(s.name) || str(s.text);
    if (s.anonymous) who = `${who} (anonymous source)`;
    if (str(s.role) && !who.toLowerCase().includes(str(s.role).toLowerCase())) who += `, ${s.role}`;
    return who;
  }

  function snippet(text, n) {
    const t = str(text).replace(/\s+/g, ' ').trim();
    return t.length > n ? `${t.slice(0, n - 1)}\u2026` : t;
  }

  /** One "why flagged" line: the explanation, with its cue in bold; the cue is put in front only
   * when the explanation does not already quote it (it usually does). */
  function reasonItem(d, r) {
    const cue = str(r.cue && r.cue.text);
    const text = str(r.explanation);
    const quoted = cue ? [`\u201c${cue}\u201d`, `"${cue}"`].find((q) => text.includes(q)) : null;
    if (!cue) return h(d, 'li', {}, text);
    if (!quoted) return h(d, 'li', {}, h(d, 'strong', {}, `\u201c${cue}\u201d`), ' \u2014 ', text);
    const at = text.indexOf(quoted);
    // "\"reports of casualties\": these are…" reads as a label; drop the colon with the quote.
    const rest = text.slice(at + quoted.length).replace(/^:\s*/, (m) => (at === 0 ? '' : m));
    const after = at === 0 && rest ? rest[0].toUpperCase() + rest.slice(1) : rest;
    if (at === 0) return h(d, 'li', {}, h(d, 'strong', {}, `\u201c${cue}\u201d`), ' \u2014 ', after);
    return h(d, 'li', {}, text.slice(0, at), h(d, 'strong', {}, `\u201c${cue}\u201d`), after);
  }

  /** The URL if it is an absolute http(s) address, else null: only those become links. */
  function httpUrl(value) {
    try {
      const u = new URL(str(value));
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  /** A link that opens in a new tab without handing the page a window reference; text stays
   * plain when the address is not http(s). */
  function link(d, href, text, className) {
    const url = httpUrl(href);
    if (!url) return h(d, 'span', { className }, text);
    return h(d, 'a', { href: url, target: '_blank', rel: 'noopener noreferrer', className }, text);
  }

  /** "Fact-checked by <publisher>: <rating>", each linking to its review. */
  function factcheckBlock(d, f) {
    const checks = (Array.isArray(f.factchecks) ? f.factchecks : []).filter((c) => c && typeof c === 'object');
    if (!checks.length) return null;
    return h(d, 'div', { className: 'factchecks' }, checks.slice(0, 3).map((c) =>
      h(d, 'p', { className: 'factcheck' },
        `Fact-checked by ${str(c.publisher) || 'a fact-checker'}: `,
        link(d, c.url, str(c.rating) || 'see the review', 'rating'),
        str(c.date) ? ` (${c.date})` : '')));
  }

  /** What other articles report for the same count, with their dates; diverging ones marked. */
  function figuresBlock(d, f) {
    const figures = (Array.isArray(f.other_figures) ? f.other_figures : []).filter((o) => o && typeof o === 'object');
    if (!figures.length) return null;
    return h(d, 'div', { className: 'figures' }, 'Other outlets report:',
      h(d, 'ul', {}, figures.slice(0, 6).map((o) =>
        h(d, 'li', { className: o.diverges ? 'figure diverges' : 'figure' },
          link(d, o.url, str(o.label), 'label'),
          str(o.site) ? ` — ${o.site}` : '',
          str(o.date) ? `, ${o.date}` : '',
          o.diverges ? h(d, 'span', { className: 'differs' }, ' (differs)') : ''))));
  }

  function panelWidth(vw) { return Math.round(Math.min(360, Math.max(260, vw * 0.3))); }

  function storageArea() {
    try {
      return globalThis.chrome && chrome.storage && chrome.storage.local ? chrome.storage.local : null;
    } catch {
      return null;
    }
  }

  class Overlay {
    /**
     * @param doc the page document
     * @param handlers {onReport(findingId, comment) -> Promise<string>, onToggle()}
     */
    constructor(doc, handlers) {
      this.doc = doc;
      this.handlers = handlers;
      this.host = doc.createElement('sourcemark-overlay');
      this.host.setAttribute('data-sourcemark-host', '');
      this.shadow = this.host.attachShadow({ mode: 'open' });
      this.adoptStyle();
      this.layer = h(doc, 'div', { className: 'layer' });
      this.shadow.appendChild(this.layer);
      this.findings = new Map();
      this.card = null;
      this.cardFor = null;
      this.hideTimer = null;
      this.reserved = 0;
      this.panelPrefs = null;
      this.loadPanelPref();
      // The panel's width follows the window's; the room kept for it follows too.
      const view = doc.defaultView;
      if (view) view.addEventListener('resize', () => { if (this.panel) this.setPanelOpen(this.panelOpen, false); });
    }

    adoptStyle() {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        this.shadow.adoptedStyleSheets = [sheet];
      } catch {
        // Firefox content scripts cannot adopt a sheet built in their own compartment.
        this.shadow.appendChild(h(this.doc, 'style', {}, STYLE));
      }
    }

    attach() {
      if (!this.host.isConnected) this.doc.documentElement.appendChild(this.host);
    }

    isOwn(node) { return node === this.host; }

    // --- status line ----------------------------------------------------------------------

    status(text, level) {
      this.attach();
      if (!this.statusEl) {
        this.statusText = h(this.doc, 'span', { className: 'text' });
        const close = h(this.doc, 'button', { className: 'close', 'aria-label': 'Dismiss' }, '\u00d7');
        close.addEventListener('click', () => { this.statusEl.hidden = true; });
        this.statusEl = h(this.doc, 'div', { className: 'status', role: 'status' },
          h(this.doc, 'strong', {}, 'sourcemark'), this.statusText, close);
        this.layer.appendChild(this.statusEl);
      }
      clearTimeout(this.statusTimer);
      this.statusEl.hidden = false;
      this.statusEl.classList.toggle('error', level === 'error');
      this.statusEl.setAttribute('role', level === 'error' ? 'alert' : 'status');
      this.statusEl.setAttribute('data-level', level || 'progress');
      this.statusText.textContent = str(text);
      if (level === 'ok') {
        this.statusTimer = setTimeout(() => { this.statusEl.hidden = true; }, 5000);
      }
    }

    // --- cards ----------------------------------------------------------------------------

    setFindings(analysisFindings) {
      this.findings = new Map(analysisFindings.map((f) => [f.id, f]));
    }

    cardSection(f) {
      const d = this.doc;
      const kind = KIND[f.kind] || { one: str(f.kind), symbol: '\u2022' };
      const rows = [];
      const who = speakerLabel(f);
      if (who) {
        rows.push(h(d, 'dt', {}, 'Speaker'), h(d, 'dd', { className: 'speaker' }, who));
        const written = str(f.speaker.text);
        if (written && str(f.speaker.name) && written !== str(f.speaker.name)) {
          rows.push(h(d, 'dt', {}, 'Written as'), h(d, 'dd', {}, `\u201c${written}\u201d`));
        }
      }
      if (f.cue && str(f.cue.text)) {
        rows.push(h(d, 'dt', {}, 'Cue'), h(d, 'dd', { className: 'cue' }, `\u201c${f.cue.text}\u201d`));
      }
      const reasons = (Array.isArray(f.reasons) ? f.reasons : []).map((r) => reasonItem(d, r));
      const review = f.review && typeof f.review === 'object' ? f.review : null;
      let verdict = null;
      if (review && (review.verdict || (review.status && review.status !== 'new'))) {
        const line = review.verdict
          ? `Editors\u2019 verdict: ${VERDICT[review.verdict] || str(review.verdict)}`
          : `Status: ${STATUS[review.status] || str(review.status)}`;
        verdict = h(d, 'div', { className: 'verdict' }, line);
      }
      const checked = checkedLine(d, f);
      const elsewhere = matchesLine(d, f);
      const reportBtn = h(d, 'button', { type: 'button', className: 'report' }, 'Looks wrong?');
      const textarea = h(d, 'textarea', { maxlength: '2000', 'aria-label': 'What looks wrong (optional)' });
      const form = h(d, 'form', { hidden: true },
        h(d, 'label', {}, 'What looks wrong? (optional)'), textarea,
        h(d, 'div', { className: 'actions' },
          h(d, 'button', { type: 'submit' }, 'Send to the editors'),
          h(d, 'button', { type: 'button', className: 'cancel' }, 'Cancel')));
      const note = h(d, 'p', { className: 'note', role: 'status' });
      reportBtn.addEventListener('click', () => {
        form.hidden = false;
        reportBtn.hidden = true;
        textarea.focus();
      });
      form.querySelector('.cancel').addEventListener('click', () => {
        form.hidden = true;
        reportBtn.hidden = false;
      });
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        note.textContent = 'Sending\u2026';
        form.querySelector('button[type=submit]').disabled = true;
        try {
          note.textContent = await this.handlers.onReport(f.id, textarea.value);
          form.hidden = true;
        } catch (err) {
          note.textContent = str(err && err.message) || 'The report could not be sent.';
          form.querySelector('button[type=submit]').disabled = false;
        }
      });
      return h(d, 'section', { className: str(f.kind), 'data-finding': str(f.id) },
        h(d, 'div', { className: 'kind' }, h(d, 'span', { className: 'sym', 'aria-hidden': 'true' },
          kind.symbol), kind.one),
        h(d, 'div', { className: 'type' }, TYPE[f.type] || str(f.type).replace(/_/g, ' ')),
        rows.length ? h(d, 'dl', {}, rows) : null,
        reasons.length ? h(d, 'div', {}, 'Why it is flagged:', h(d, 'ul', { className: 'reasons' }, reasons)) : null,
        verdict, checked, elsewhere,
        factcheckBlock(d, f),
        figuresBlock(d, f),
        h(d, 'div', { className: 'actions' }, reportBtn), form, note);
    }

    /** Open the card for the findings `ids` (innermost first) next to `anchor`. */
    showCard(ids, anchor, focus) {
      clearTimeout(this.hideTimer);
      if (this.muted === anchor && !focus) {
        // Focus returning to the highlight after Escape must not reopen the card.
        this.muted = null;
        return;
      }
      this.muted = null;
      const key = ids.join(' ');
      if (!(this.card && this.cardFor === key)) this.openCard(ids, key, anchor);
      if (!this.card) return;
      this.placeCard(anchor);
      if (focus) {
        const btn = this.card.querySelector('button');
        if (btn) btn.focus();
      }
    }

    /** Draw the open card again from the findings as they are now (new cross-article keys). */
    refreshCard() {
      if (!this.card || !this.cardFor || !this.cardAnchor) return;
      // A reader writing a report keeps the card as it is; the next one opened is fresh.
      if (this.card.querySelector('form:not([hidden])')) return;
      const key = this.cardFor;
      const anchor = this.cardAnchor;
      this.openCard(key.split(' '), key, anchor);
      if (this.card) this.placeCard(anchor);
    }

    openCard(ids, key, anchor) {
      this.closeCard();
      const sections = ids.map((id) => this.findings.get(id)).filter(Boolean).map((f) => this.cardSection(f));
      if (!sections.length) return;
      this.card = h(this.doc, 'div', { className: 'card', role: 'dialog',
        'aria-label': 'sourcemark finding' }, sections);
      this.card.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
      this.card.addEventListener('mouseleave', () => this.scheduleHide());
      this.card.addEventListener('keydown', (ev) => {
        if (ev.key === 'Escape') {
          this.closeCard();
          this.muted = anchor;
          anchor.focus();
        }
      });
      this.cardFor = key;
      this.cardAnchor = anchor;
      this.layer.appendChild(this.card);
    }

    /** Beside the mark and inside the viewport, left of the panel: below the mark when it fits,
     * else above it, else on the roomier side with its own scroll bar. */
    placeCard(anchor) {
      if (!this.card) return;
      const margin = 8;
      const gap = 6;
      const r = anchor.getBoundingClientRect();
      const vw = this.doc.documentElement.clientWidth;
      const vh = this.doc.documentElement.clientHeight;
      const right = vw - this.reservedWidth() - margin;
      let bottom = vh - margin;
      if (this.statusEl && !this.statusEl.hidden) {
        const sr = this.statusEl.getBoundingClientRect();
        if (sr.top > vh / 2 && sr.left < right) bottom = Math.min(bottom, sr.top - gap);
      }
      const width = Math.max(200, Math.min(380, right - margin));
      this.card.style.width = `${width}px`;
      this.card.style.maxHeight = '';
      const ch = this.card.offsetHeight;
      const below = bottom - (r.bottom + gap);
      const above = r.top - gap - margin;
      let top;
      if (ch <= below) top = r.bottom + gap;
      else if (ch <= above) top = r.top - gap - ch;
      else if (below >= above) {
        top = r.bottom + gap;
        this.card.style.maxHeight = `${Math.max(80, below)}px`;
      } else {
        const height = Math.max(80, above);
        this.card.style.maxHeight = `${height}px`;
        top = r.top - gap - height;
      }
      top = Math.max(margin, Math.min(top, bottom - this.card.offsetHeight));
      this.card.setAttribute('data-side', top >= r.bottom ? 'below' : 'above');
      const left = Math.max(margin, Math.min(r.left, right - width));
      this.card.style.top = `${top}px`;
      this.card.style.left = `${left}px`;
    }

    scheduleHide() {
      clearTimeout(this.hideTimer);
      this.hideTimer = setTimeout(() => {
        if (this.card && this.card.matches(':focus-within')) return;
        this.closeCard();
      }, 350);
    }

    closeCard() {
      if (this.card) this.card.remove();
      this.card = null;
      this.cardFor = null;
    }

    // --- panel ----------------------------------------------------------------------------

    /**
     * The side panel: findings grouped by kind or by speaker with counts; anchored ones scroll
     * to their highlight, unanchored ones are listed as such.
     */
    renderPanel(findings, anchoredIds, onPick) {
      const d = this.doc;
      this.attach();
      if (this.panel) this.panel.remove();
      if (this.launcher) this.launcher.remove();
      const anchored = new Set(anchoredIds);
      const count = (kind) => findings.filter((f) => f.kind === kind).length;
      const plural = (n, k) => `${n} ${n === 1 ? KIND[k].one : KIND[k].many}`.toLowerCase();
      const counts = `${plural(count('attribution'), 'attribution')} \u00b7 ` +
        `${plural(count('unverified'), 'unverified')}`;
      const close = h(d, 'button', { className: 'close', 'aria-label': 'Close the findings panel' }, '\u00d7');
      const byKind = h(d, 'button', { type: 'button', 'aria-pressed': 'true', 'data-view': 'kind' }, 'By kind');
      const bySpeaker = h(d, 'button', { type: 'button', 'aria-pressed': 'false', 'data-view': 'speaker' }, 'By speaker');
      const groups = h(d, 'div', { className: 'groups' });
      const item = (f) => {
        const sym = h(d, 'span', { className: 'sym', 'aria-hidden': 'true' }, (KIND[f.kind] || {}).symbol || '\u2022');
        if (!anchored.has(f.id)) return null;
        const who = speakerLabel(f);
        const what = TYPE_SHORT[f.type] || str(f.type).replace(/_/g, ' ');
        const meta = who ? `${who} \u00b7 ${what}` : `${(KIND[f.kind] || {}).one || str(f.kind)} \u00b7 ${what}`;
        const b = h(d, 'button', { type: 'button', className: `item ${str(f.kind)}`, 'data-finding': str(f.id) },
          h(d, 'span', { className: 'meta' }, sym, meta), h(d, 'span', { className: 'quote' }, snippet(f.text, 110)));
        b.addEventListener('click', () => onPick(f.id));
        return h(d, 'li', {}, b);
      };
      const group = (title, list) => {
        const items = list.map(item).filter(Boolean);
        if (!items.length) return null;
        return h(d, 'section', {}, h(d, 'h3', {}, `${title} (${items.length})`), h(d, 'ul', {}, items));
      };
      const draw = (view) => {
        groups.textContent = '';
        byKind.setAttribute('aria-pressed', String(view === 'kind'));
        bySpeaker.setAttribute('aria-pressed', String(view === 'speaker'));
        const sections = [];
        if (view === 'kind') {
          for (const k of Object.keys(KIND)) sections.push(group(KIND[k].many, findings.filter((f) => f.kind === k)));
        } else {
          const bySpk = new Map();
          for (const f of findings) {
            const who = speakerLabel(f) || (f.kind === 'unverified' ? 'No speaker (unverifiable claims)' : 'Speaker not identified');
            if (!bySpk.has(who)) bySpk.set(who, []);
            bySpk.get(who).push(f);
          }
          const sorted = [...bySpk.entries()].sort((a, b) => b[1].length - a[1].length);
          for (const [who, list] of sorted) sections.push(group(who, list));
        }
        const lost = findings.filter((f) => !anchored.has(f.id));
        if (lost.length) {
          sections.push(h(d, 'section', { className: 'unanchored' },
            h(d, 'h3', {}, `Not found on this page (${lost.length})`),
            h(d, 'p', { className: 'note' }, 'The server found these in the article, but the page text differs too much to mark them.'),
            h(d, 'ul', {}, lost.map((f) => h(d, 'li', { className: 'lost', 'data-finding': str(f.id) },
              `${(KIND[f.kind] || {}).one || str(f.kind)}: ${snippet(f.text, 200)}`)))));
        }
        if (!findings.length) sections.push(h(d, 'p', {}, 'No attributed statements or unverifiable claims were found in this article.'));
        for (const s of sections) if (s) groups.appendChild(s);
      };
      byKind.addEventListener('click', () => draw('kind'));
      bySpeaker.addEventListener('click', () => draw('speaker'));
      this.panel = h(d, 'aside', { className: 'panel', 'aria-label': 'sourcemark findings' },
        h(d, 'header', {}, h(d, 'strong', {}, 'sourcemark'), h(d, 'span', { className: 'counts' }, counts), close),
        h(d, 'div', { className: 'views' }, byKind, bySpeaker), groups);
      this.launcher = h(d, 'button', { type: 'button', className: 'launcher', hidden: true,
        'aria-label': 'Open the sourcemark findings panel' }, `sourcemark \u00b7 ${findings.length}`);
      close.setAttribute('aria-label', 'Fold the findings panel to the edge');
      close.textContent = '\u203a';
      close.addEventListener('click', () => this.setPanelOpen(false, true));
      this.launcher.addEventListener('click', () => this.setPanelOpen(true, true));
      draw('kind');
      this.layer.append(this.panel, this.launcher);
      const remembered = this.panelPrefs && this.panelPrefs[this.site()];
      this.setPanelOpen(remembered ? remembered === 'open' : this.roomForPanel(), false);
      this.loadPanelPref();
    }

    site() { return (this.doc.location && this.doc.location.hostname) || ''; }

    roomForPanel() {
      const vw = this.doc.documentElement.clientWidth;
      return vw - panelWidth(vw) >= MIN_ARTICLE_WIDTH;
    }

    /** The reader's open/folded choice for this site, once storage answers. */
    loadPanelPref() {
      const area = storageArea();
      if (!area || this.panelPrefs) return;
      area.get(PANEL_PREF_KEY).then((got) => {
        this.panelPrefs = (got && got[PANEL_PREF_KEY]) || {};
        const remembered = this.panelPrefs[this.site()];
        if (remembered && this.panel) this.setPanelOpen(remembered === 'open', false);
      }, () => { this.panelPrefs = {}; });
    }

    setPanelOpen(open, chosen) {
      if (!this.panel) return;
      this.panel.hidden = !open;
      this.launcher.hidden = open;
      this.panelOpen = open;
      this.reserve(open ? panelWidth(this.doc.documentElement.clientWidth) : TAB_WIDTH);
      this.panel.style.width = `${panelWidth(this.doc.documentElement.clientWidth)}px`;
      if (this.card && this.cardAnchor) this.placeCard(this.cardAnchor);
      if (!chosen) return;
      this.panelPrefs = { ...(this.panelPrefs || {}), [this.site()]: open ? 'open' : 'folded' };
      const area = storageArea();
      if (area) area.set({ [PANEL_PREF_KEY]: this.panelPrefs }).catch(() => {});
    }

    reservedWidth() { return this.reserved || 0; }

    /** Narrow the page by `px` on the right so the panel (or its tab) sits beside the text. */
    reserve(px) {
      const style = this.doc.documentElement.style;
      if (this.savedMargin === undefined) {
        this.savedMargin = [style.getPropertyValue('margin-right'), style.getPropertyPriority('margin-right')];
      }
      this.reserved = px;
      if (px) {
        style.setProperty('margin-right', `${px}px`, 'important');
        this.doc.documentElement.setAttribute('data-sourcemark-reserve', String(px));
      } else {
        const [value, priority] = this.savedMargin;
        if (value) style.setProperty('margin-right', value, priority);
        else style.removeProperty('margin-right');
        this.doc.documentElement.removeAttribute('data-sourcemark-reserve');
        this.savedMargin = undefined;
      }
    }

    hideAll() {
      this.closeCard();
      if (this.panel) this.panel.remove();
      if (this.launcher) this.launcher.remove();
      this.panel = null;
      this.launcher = null;
      this.reserve(0);
    }
  }

  root.sourcemarkOverlay = { Overlay, KIND, TYPE, speakerLabel, snippet };
})(globalThis);
