// marsad review desk: keyboard navigation and corrections, selection offsets, map and timeline.
// No inline scripts (the pages' Content-Security-Policy forbids them); article text never goes
// through innerHTML here: what the server sends is escaped, what this file builds uses textContent.
(function () {
  "use strict";

  // Python counts code points, JavaScript UTF-16 units: offsets sent to the server are code points.
  function cpLen(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff) n++;
    }
    return n;
  }

  function typing(el) {
    if (!el) return false;
    const tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  const page = document.body.dataset.page;

  // htmx 2 does not swap 4xx/5xx answers: say what the server refused (its JSON error message)
  document.body.addEventListener("htmx:responseError", (ev) => {
    const flash = document.getElementById("flash");
    let message = "the server refused the change (" + ev.detail.xhr.status + ")";
    try {
      const body = JSON.parse(ev.detail.xhr.responseText);
      if (body && body.error && body.error.message) message = body.error.message;
    } catch (e) { /* not JSON: keep the status line */ }
    flash.textContent = message;
    flash.hidden = false;
    setTimeout(() => { flash.hidden = true; }, 6000);
  });

  // ---------------------------------------------------------------- queue
  function queuePage() {
    let items = Array.from(document.querySelectorAll(".queue-item"));
    let current = -1;
    function select(i) {
      if (!items.length) return;
      current = Math.max(0, Math.min(items.length - 1, i));
      items.forEach((el, k) => el.classList.toggle("selected", k === current));
      items[current].focus();
      items[current].scrollIntoView({ block: "nearest" });
    }
    document.addEventListener("keydown", (ev) => {
      if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === "j" || ev.key === "ArrowDown") { select(current + 1); ev.preventDefault(); }
      else if (ev.key === "k" || ev.key === "ArrowUp") { select(current - 1); ev.preventDefault(); }
      else if ((ev.key === "Enter" || ev.key === "o") && current >= 0) {
        items[current].querySelector("a.open").click(); ev.preventDefault();
      } else if (ev.key === "/") {
        const first = document.querySelector(".filters input");
        if (first) { first.focus(); ev.preventDefault(); }
      } else if (ev.key === "m") { window.location.href = "/desk/map"; }
    });
    if (items.length) select(0);
  }

  // ---------------------------------------------------------------- article view
  function docPage() {
    const article = document.getElementById("article-text");
    const types = JSON.parse(document.getElementById("event-types").textContent);
    let currentId = null;

    function cards() { return Array.from(document.querySelectorAll(".card")); }

    function select(card) {
      if (!card) return;
      currentId = card.dataset.event;
      cards().forEach((c) => c.classList.toggle("selected", c === card));
      document.querySelectorAll("mark.ann-evidence").forEach((m) =>
        m.classList.toggle("current", m.dataset.ref === currentId));
      card.scrollIntoView({ block: "nearest" });
      const mark = document.querySelector('mark.ann-evidence[data-ref="' + CSS.escape(currentId) + '"]');
      if (mark) mark.scrollIntoView({ block: "nearest" });
    }

    function selected() {
      return currentId ? document.getElementById("card-" + currentId) : null;
    }

    function move(step) {
      const list = cards();
      if (!list.length) return;
      const i = list.indexOf(selected());
      select(list[Math.max(0, Math.min(list.length - 1, i < 0 ? 0 : i + step))]);
    }

    function fillSubtypes(form) {
      const typeSel = form.querySelector(".type-select");
      const subSel = form.querySelector(".subtype-select");
      if (!typeSel || !subSel) return;
      typeSel.addEventListener("change", () => {
        while (subSel.firstChild) subSel.removeChild(subSel.firstChild);
        (types[typeSel.value] || []).forEach((s) => {
          const o = document.createElement("option");
          o.textContent = s;
          subSel.appendChild(o);
        });
      });
    }

    let placeTimer = null;
    function placeSearch(input) {
      input.addEventListener("input", () => {
        clearTimeout(placeTimer);
        placeTimer = setTimeout(() => {
          fetch("/desk/places?q=" + encodeURIComponent(input.value), { credentials: "same-origin" })
            .then((r) => (r.ok ? r.json() : []))
            .then((found) => {
              const list = document.getElementById("places-list");
              while (list.firstChild) list.removeChild(list.firstChild);
              found.forEach((p) => {
                const o = document.createElement("option");
                o.value = p.value;
                o.textContent = (p.name_en || "") + " " + (p.kind || "");
                list.appendChild(o);
              });
            });
        }, 200);
      });
    }

    function wireForm(form) {
      fillSubtypes(form);
      form.querySelectorAll(".place-input").forEach(placeSearch);
      form.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" && ev.target.tagName !== "BUTTON") {
          ev.preventDefault();
          form.requestSubmit();
        } else if (ev.key === "Escape") {
          ev.preventDefault();
          closeForm(form);
        }
      });
      const cancel = form.querySelector(".cancel");
      if (cancel) cancel.addEventListener("click", () => closeForm(form));
    }

    function closeForm(form) {
      if (form.id === "add-form") {
        document.getElementById("add-panel").hidden = true;
      } else {
        const editor = form.closest(".editor");
        if (editor) while (editor.firstChild) editor.removeChild(editor.firstChild);
      }
      const card = selected();
      if (card) card.focus();
    }

    function offsetOf(node, off) {
      const r = document.createRange();
      r.setStart(article, 0);
      r.setEnd(node, off);
      return cpLen(r.toString());
    }

    function addFromSelection() {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return false;
      const range = sel.getRangeAt(0);
      if (!article.contains(range.commonAncestorContainer)) return false;
      const start = offsetOf(range.startContainer, range.startOffset);
      const end = offsetOf(range.endContainer, range.endOffset);
      document.getElementById("add-start").value = String(Math.min(start, end));
      document.getElementById("add-end").value = String(Math.max(start, end));
      document.getElementById("add-preview").textContent = range.toString();
      const panel = document.getElementById("add-panel");
      panel.hidden = false;
      panel.querySelector(".type-select").focus();
      return true;
    }

    wireForm(document.getElementById("add-form"));

    document.body.addEventListener("htmx:afterSettle", (ev) => {
      const target = ev.detail.elt;
      const form = target.querySelector ? target.querySelector(".edit-form") : null;
      if (form) {
        wireForm(form);
        const first = form.querySelector("select, input");
        if (first) first.focus();
      } else if (currentId) {
        const card = selected();
        if (card) { select(card); card.focus(); }
      }
    });

    article.addEventListener("click", (ev) => {
      const mark = ev.target.closest("mark.ann-evidence");
      if (mark) select(document.getElementById("card-" + mark.dataset.ref));
    });
    document.getElementById("events").addEventListener("click", (ev) => {
      const card = ev.target.closest(".card");
      if (card) select(card);
    });

    document.addEventListener("keydown", (ev) => {
      if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const card = selected();
      const click = (cls) => { const b = card && card.querySelector("button." + cls); if (b) b.click(); };
      switch (ev.key) {
        case "j": case "ArrowDown": move(1); break;
        case "k": case "ArrowUp": move(-1); break;
        case "a": click("accept"); break;
        case "r": click("reject"); break;
        case "e": click("edit"); break;
        case "n": if (!addFromSelection()) return; break;
        case "d": document.getElementById("done-button").click(); break;
        case "q": window.location.href = document.querySelector("a.back").getAttribute("href"); break;
        default: return;
      }
      ev.preventDefault();
    });

    select(cards()[0]);
  }

  // ---------------------------------------------------------------- map and timeline
  const COLORS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
  };

  function mapPage() {
    const el = document.getElementById("map");
    const map = L.map(el, { zoomControl: true, attributionControl: true, zoomAnimation: false, fadeAnimation: false,
      markerZoomAnimation: false }).setView([30, 30], 4);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    const outline = (url, style) => fetch(url).then((r) => r.json()).then((g) =>
      L.geoJSON(g, { style: style, interactive: false }).addTo(map));
    outline("/static/outlines/countries.geojson", { color: "#888", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 })
      .then(() => outline("/static/outlines/admin1.geojson", { color: "#bbb", weight: 0.6, fill: false }))
      .then(() => fetch(el.dataset.api, { credentials: "same-origin" }))
      .then((r) => r.json())
      .then((fc) => {
        const points = [];
        fc.features.forEach((f) => {
          if (!f.geometry) return;
          const [lon, lat] = f.geometry.coordinates;
          const p = f.properties;
          const tip = document.createElement("div");
          const head = document.createElement("b");
          head.textContent = p.event_type + " — " + p.event_date;
          const body = document.createElement("div");
          body.dir = "rtl";
          body.textContent = [p.location_ar || p.location, p.actor1_ar || p.actor1].filter(Boolean).join(" · ");
          tip.appendChild(head);
          tip.appendChild(body);
          L.circleMarker([lat, lon], {
            radius: 5 + Math.min(10, Math.sqrt(p.fatalities || 0) * 2), color: "#222", weight: 1,
            fillColor: COLORS[p.event_type] || "#555", fillOpacity: 0.85,
          }).bindTooltip(tip).addTo(map);
          points.push([lat, lon]);
        });
        document.getElementById("map-count").textContent =
          fc.features.length + " / " + fc.total_count + " events on the map";
        if (points.length) map.fitBounds(points, { padding: [40, 40], maxZoom: 6, animate: false });
        el.dataset.ready = String(points.length);
      });

    fetch(document.getElementById("map").dataset.timeline, { credentials: "same-origin" })
      .then((r) => r.json())
      .then((body) => {
        const rows = body.data.filter((d) => d.event_date);
        const spec = {
          $schema: "https://vega.github.io/schema/vega-lite/v6.json",
          width: "container", height: 180,
          data: { values: rows },
          mark: { type: "bar" },
          encoding: {
            // months with events only (ordinal): a decade of history would make day bars invisible
            x: { field: "event_date", type: "ordinal", timeUnit: "yearmonth", title: "month" },
            y: { aggregate: "count", type: "quantitative", title: "events" },
            color: { field: "event_type", type: "nominal", title: "type",
              scale: { domain: Object.keys(COLORS), range: Object.values(COLORS) } },
            tooltip: [{ field: "event_date", type: "temporal" }, { field: "event_type" },
              { aggregate: "count", type: "quantitative" }],
          },
        };
        return vegaEmbed("#timeline", spec, { actions: false, renderer: "svg" });
      })
      .then(() => { document.getElementById("timeline").dataset.ready = "1"; });
  }

  if (page === "queue") queuePage();
  else if (page === "doc") docPage();
  else if (page === "map") mapPage();
})();
