// The answer card on the citizen page: the short card on top (the same lines as
// answer.short, from answer.short_facts), the next steps as buttons, and the full record
// behind "Xem chi tiết". Every text is inserted with textContent, never as HTML.
"use strict";
window.MotcuaCard = (function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function section(parent, title) {
    var s = el("section", "part");
    s.appendChild(el("h3", null, title));
    parent.appendChild(s);
    return s;
  }

  // One line per short fact, papers as a checklist a person can tick at home.
  function renderShort(a) {
    var box = el("div", "short");
    var ul = null;
    (a.short_facts || []).forEach(function (f) {
      if (f.kind === "name") return;  // the card's heading says it
      if (f.kind === "paper") {
        if (!ul) {
          if (!box.querySelector(".papers-title")) box.appendChild(el("h3", "papers-title", "Giấy tờ cần mang"));
          ul = el("ul", "checklist");
          box.appendChild(ul);
        }
        var li = el("li");
        var label = el("label");
        var tick = el("input");
        tick.type = "checkbox";
        label.appendChild(tick);
        label.appendChild(el("span", null, f.text.replace(/^☐\s*/, "")));
        li.appendChild(label);
        ul.appendChild(li);
        return;
      }
      if (f.kind === "case") {
        if (!box.querySelector(".papers-title")) box.appendChild(el("h3", "papers-title", "Giấy tờ cần mang"));
        box.appendChild(el("p", "case", f.text));
        ul = null;
        return;
      }
      ul = null;
      var cls = {check: "warning", help: "hint", more: "more", local: "counter", fee: "fact",
                 time: "fact", where: "fact", online: "fact", plan: "plan", note: "plan"}[f.kind];
      box.appendChild(el("p", cls || null, f.text));
    });
    return box;
  }

  // The next steps as buttons: file online (the portal), print the checklist.
  function renderSteps(a) {
    var row = el("div", "steps");
    var online = (a.short_facts || []).some(function (f) { return f.kind === "online"; });
    if (online && a.url && /^https:\/\//.test(a.url)) {
      var go = el("a", "button online", "Nộp trực tuyến");
      go.href = a.url; go.target = "_blank"; go.rel = "noopener noreferrer";
      row.appendChild(go);
    }
    if ((a.short_facts || []).some(function (f) { return f.kind === "paper"; })) {
      var print = el("button", "secondary print", "In danh sách giấy tờ");
      print.type = "button";
      print.addEventListener("click", function () {
        var card = print.closest("article.card");
        document.querySelectorAll("article.card.printing").forEach(function (c) { c.classList.remove("printing"); });
        if (card) card.classList.add("printing");
        window.print();
      });
      row.appendChild(print);
    }
    return row;
  }

  // The full record, as before the short card existed: every paper, channel, legal basis.
  function renderDetails(a, parent) {
    if (a.papers && a.papers.length) {
      var ps = section(parent, "Giấy tờ cần chuẩn bị");
      var lastCase = null, ul = null;
      a.papers.forEach(function (p) {
        if (p.case !== lastCase || !ul) {
          if (p.case) ps.appendChild(el("p", "case", p.case));
          ul = el("ul", "checklist");
          ps.appendChild(ul);
          lastCase = p.case;
        }
        ul.appendChild(el("li", null, p.name + (p.count ? " (" + p.count + ")" : "")));
      });
    }
    if (a.notes && a.notes.length) {
      var ns = section(parent, "Lưu ý về hồ sơ");
      var nl = el("ul");
      a.notes.forEach(function (n) { nl.appendChild(el("li", null, n.name)); });
      ns.appendChild(nl);
    }
    if (a.channels && a.channels.length) {
      // One block per channel rather than a table: three narrow columns do not fit a phone.
      var cs = section(parent, "Thời hạn và lệ phí");
      var cl = el("ul", "channels");
      a.channels.forEach(function (c) {
        var li = el("li");
        li.appendChild(el("strong", null, c.label));
        li.appendChild(el("span", null, "Thời hạn: " + c.time));
        li.appendChild(el("span", null, "Lệ phí: " + c.fee + (c.fee_note ? " – " + c.fee_note : "")));
        if (c.fee_conflict) li.appendChild(el("span", "warning", "Lệ phí chưa rõ, vui lòng hỏi cán bộ."));
        cl.appendChild(li);
      });
      cs.appendChild(cl);
    }
    if ((a.where && a.where.length) || a.online) {
      var ws = section(parent, "Nộp ở đâu, khi nào");
      (a.where || []).forEach(function (w) { ws.appendChild(el("p", w.counter ? "counter" : null, w.text)); });
      if (a.online) ws.appendChild(el("p", null, a.online));
    }
    if (a.legal_basis && a.legal_basis.length) {
      var ls = section(parent, "Căn cứ pháp lý");
      var lu = el("ul");
      a.legal_basis.forEach(function (l) { lu.appendChild(el("li", null, l.number + (l.title ? " – " + l.title : ""))); });
      ls.appendChild(lu);
    }
    (a.warnings || []).forEach(function (w) { parent.appendChild(el("p", "warning", w)); });
    if (a.url && /^https:\/\//.test(a.url)) {
      var link = el("a", "portal", "Xem thủ tục trên Cổng Dịch vụ công quốc gia");
      link.href = a.url; link.target = "_blank"; link.rel = "noopener noreferrer";
      parent.appendChild(link);
    }
  }

  // The short card reworded by the province's language model (answer.plain): shown above the
  // card only after the server's check passed; the card below stays the cited source.
  function plain(text) {
    var box = el("section", "plain");
    box.setAttribute("aria-label", "Nói dễ hiểu");
    box.appendChild(el("h3", null, "Nói dễ hiểu"));
    box.appendChild(el("p", "plain-text", text));
    box.appendChild(el("p", "hint", "Máy viết lại từ thẻ bên dưới; số liệu, lệ phí, giấy tờ " +
      "và nơi nộp đã được đối chiếu với thẻ. Thẻ và trích dẫn bên dưới là căn cứ."));
    return box;
  }

  function render(a) {
    var card = el("article", "card");
    card.setAttribute("aria-label", "Thủ tục " + a.name);
    card.appendChild(el("h2", null, a.name));
    card.appendChild(el("p", "code", "Mã thủ tục: " + a.code + (a.field ? " · " + a.field : "")));
    if (!a.short_facts || !a.short_facts.length) {  // an older server: the full card only
      renderDetails(a, card);
      return card;
    }
    if (a.plain) card.appendChild(plain(a.plain));
    card.appendChild(renderShort(a));
    card.appendChild(renderSteps(a));
    var more = el("details", "details");
    more.appendChild(el("summary", null, "Xem chi tiết"));
    renderDetails(a, more);
    card.appendChild(more);
    return card;
  }

  // Short labels for a question back's options: the words every name starts with are said
  // once above them, each button keeps what tells it apart (same rule as
  // answer/render.py option_labels: two syllables at least stay with each option).
  function optionLabels(names) {
    var words = names.map(function (n) { return n.trim().split(/\s+/); });
    var k = 0;
    if (words.length > 1) {
      while (words.every(function (w) { return w.length > k + 2 && w[k] === words[0][k]; })) k++;
    }
    if (k < 2) return {shared: "", labels: names};
    return {shared: words[0].slice(0, k).join(" "),
            labels: words.map(function (w) { return w.slice(k).join(" "); })};
  }

  return {render: render, el: el, optionLabels: optionLabels, plain: plain};
})();
