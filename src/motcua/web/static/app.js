// The citizen's chat page. Every text from the server is inserted with textContent, never
// as HTML, so a question or an answer containing markup is shown as text.
"use strict";
(function () {
  var app = document.getElementById("app");
  if (!app) return;
  var chat = document.getElementById("chat");
  var form = document.getElementById("ask");
  var question = document.getElementById("question");
  var commune = document.getElementById("commune");
  var errorBox = document.getElementById("error");
  var sendBtn = document.getElementById("send");
  var pollMs = parseInt(app.getAttribute("data-poll-ms"), 10) || 4000;
  // MOTCUA_PHRASING=on: answers come as server-sent events, the card first, then its checked
  // plain-language rewording (a browser without streamed bodies asks the plain API).
  var phrasing = app.getAttribute("data-phrasing") === "on" && !!window.TextDecoder &&
    !!window.ReadableStream;
  var conversationId = null;
  var lastMessageId = 0;
  var pollTimer = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  function bubble(role, text) {
    var b = el("div", "msg " + role);
    b.appendChild(el("p", "who", {citizen: "Bạn", assistant: "Trợ lý", officer: "Cán bộ"}[role]));
    b.appendChild(el("p", "text", text));
    chat.appendChild(b);
    b.scrollIntoView({block: "nearest"});
    return b;
  }

  function api(path, body) {
    return fetch(path, {
      method: body ? "POST" : "GET",
      headers: body ? {"Content-Type": "application/json"} : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(errorText(r.status, data));
        return {data: data, headers: r.headers};
      });
    });
  }

  function errorText(status, data) {
    var msg = (data && data.error && data.error.message) || "Lỗi " + status;
    if (status === 429) msg = "Bạn gửi quá nhanh. Vui lòng đợi một chút rồi thử lại.";
    else if (status === 422) msg = "Câu hỏi hoặc xã/phường chưa hợp lệ: " + msg;
    else if (status >= 500) msg = "Hệ thống đang bận. Vui lòng thử lại sau.";
    return msg;
  }

  // POST a question to /api/v1/ask/stream and call on(name, data) for each event as it comes.
  function stream(body, on) {
    return fetch("/api/v1/ask/stream", {
      method: "POST", body: JSON.stringify(body),
      headers: {"Content-Type": "application/json", "Accept": "text/event-stream"}
    }).then(function (r) {
      if (!r.ok || !r.body) {
        return r.json().catch(function () { return null; })
          .then(function (data) { throw new Error(errorText(r.status, data)); });
      }
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) return;
          buffer += decoder.decode(step.value, {stream: true});
          var blocks = buffer.split("\n\n");
          buffer = blocks.pop();
          blocks.forEach(function (block) {
            var name = "message", data = "";
            block.split("\n").forEach(function (line) {
              if (line.indexOf("event:") === 0) name = line.slice(6).trim();
              else if (line.indexOf("data:") === 0) data += line.slice(5).trim();
            });
            if (data) on(name, JSON.parse(data));
          });
          return pump();
        });
      }
      return pump();
    });
  }

  function actions(box, messageId) {
    var row = el("div", "actions");
    row.appendChild(el("span", "label", "Câu trả lời có giúp ích không?"));
    var yes = el("button", "secondary", "Có, hữu ích");
    var no = el("button", "secondary", "Chưa hữu ích");
    var person = el("button", "person", "Gặp cán bộ");
    yes.type = no.type = person.type = "button";
    function rate(helpful) {
      api("/api/v1/feedback", {conversation_id: conversationId, message_id: messageId, helpful: helpful})
        .then(function () {
          yes.disabled = no.disabled = true;
          row.replaceChild(el("span", "thanks", "Cảm ơn bạn đã đánh giá."), row.firstChild);
        }).catch(function (e) { showError(e.message); });
    }
    yes.addEventListener("click", function () { rate(true); });
    no.addEventListener("click", function () { rate(false); });
    person.addEventListener("click", handover);
    row.appendChild(yes); row.appendChild(no); row.appendChild(person);
    box.appendChild(row);
  }

  // Same sentence as SAMPLE_NOTICE in answer/messages.py (a test keeps them equal).
  var SAMPLE_NOTICE = "Đây là dữ liệu mẫu minh họa, chưa phải danh mục thủ tục hành chính chính thức: đừng dựa vào đó để chuẩn bị hồ sơ. Hãy hỏi cán bộ một cửa để có thông tin chính thức.";

  // Other procedures to ask about with one tap: the answer's look-alikes ("Trường hợp
  // khác") and what people in the same situation need next ("Bạn cũng có thể cần").
  function chips(parent, title, refs) {
    if (!refs || !refs.length) return;
    var box = el("div", "options chips");
    box.setAttribute("aria-label", title);
    box.appendChild(el("p", "shared", title + ":"));
    refs.slice(0, 3).forEach(function (p) {
      var o = el("button", "option", p.name.split(" (")[0]);
      o.title = p.name;
      o.type = "button";
      o.addEventListener("click", function () { send(p.name); });
      box.appendChild(o);
    });
    parent.appendChild(box);
  }

  function renderResponse(r, messageId) {
    var b = bubble("assistant", r.message);
    if (r.sample) b.appendChild(el("p", "notice sample", SAMPLE_NOTICE));
    if (r.status === "answer" && r.answer) {
      b.appendChild(window.MotcuaCard.render(r.answer));
      if (!r.answer.aspect) {
        chips(b, "Trường hợp khác", r.variants);
        chips(b, "Bạn cũng có thể cần", r.related);
      }
    }
    if (r.status === "clarify") {
      if (r.clarify_question) b.appendChild(el("p", "clarify", r.clarify_question));
      var opts = el("div", "options");
      var names = {};  // one option per name: the catalog holds twins (one procedure, two levels)
      var shown = (r.procedures || []).filter(function (p) {
        var seen = names[p.name]; names[p.name] = true; return !seen;
      }).slice(0, 5);
      var short = window.MotcuaCard.optionLabels(shown.map(function (p) { return p.name; }));
      if (short.shared) b.appendChild(el("p", "shared", short.shared + ":"));
      shown.forEach(function (p, i) {
        var o = el("button", "option", short.labels[i]);
        o.title = p.name;
        o.type = "button";
        o.addEventListener("click", function () { send(p.name); });
        opts.appendChild(o);
      });
      b.appendChild(opts);
    }
    actions(b, messageId);
    return b;
  }

  // The card is shown; its rewording is on the way ("phrasing"), arrives checked ("plain"),
  // or does not come ("plain_unavailable": the card stays as it is).
  function phrasingEvents(b) {
    var card = b.querySelector("article.card");
    var box = null;
    return function (name, data) {
      if (!card) return;
      if (name === "phrasing") {
        box = el("p", "plain pending", "Đang viết lại bằng lời dễ hiểu...");
        box.setAttribute("role", "status");
        card.insertBefore(box, card.querySelector(".short"));
      } else if (name === "plain" && box) {
        card.replaceChild(window.MotcuaCard.plain(data.text), box);
        box = null;
      } else if (name === "plain_unavailable" && box) {
        box.remove();
        box = null;
      }
    };
  }

  function send(text) {
    showError("");
    text = (text || "").trim();
    if (!text) { showError("Vui lòng nhập câu hỏi."); question.focus(); return; }
    var body = {question: text};
    if (commune.value) body.commune = commune.value;
    if (conversationId) body.conversation_id = conversationId;
    bubble("citizen", text);
    if (examples) examples.hidden = true;
    sendBtn.disabled = true;
    // Seen on a slow connection: the question went out, the answer is coming.
    var pending = bubble("assistant", "Đang trả lời...");
    pending.classList.add("pending");
    pending.setAttribute("role", "status");
    function answered(data, cid, mid) {
      conversationId = cid || conversationId;
      lastMessageId = Math.max(lastMessageId, mid);
      pending.remove();
      question.value = "";
      sendBtn.disabled = false;
      return renderResponse(data, mid);
    }
    var done;
    if (phrasing) {
      var later = null;
      done = stream(body, function (name, data) {
        if (name === "answer") {
          later = phrasingEvents(answered(data.response, data.conversation_id, data.message_id || 0));
        } else if (later) {
          later(name, data);
        }
      });
    } else {
      done = api("/api/v1/ask", body).then(function (res) {
        answered(res.data, res.headers.get("X-Conversation-Id"),
                 parseInt(res.headers.get("X-Message-Id"), 10) || 0);
      });
    }
    done.catch(function (e) { showError(e.message); })
      .then(function () { sendBtn.disabled = false; pending.remove(); });
  }

  function handover() {
    if (!conversationId) return;
    api("/api/v1/handover", {conversation_id: conversationId}).then(function () {
      var b = bubble("assistant", "Đã chuyển câu hỏi của bạn tới cán bộ một cửa. Câu trả lời sẽ hiện ở đây, vui lòng giữ trang này mở.");
      b.appendChild(el("p", "reference", "Mã hỏi đáp của bạn: " + conversationId.slice(0, 8).toUpperCase() +
        " (đọc mã này khi gọi điện hoặc đến quầy)."));
      startPolling();
      if (!commune.value) return;
      // The centre's phone and hours, when the commune has a profile: the reply comes in them.
      api("/api/v1/communes/" + encodeURIComponent(commune.value)).then(function (res) {
        var p = res.data;
        if (p.hours) b.appendChild(el("p", null, "Cán bộ trả lời trong giờ làm việc: " + p.hours + "."));
        if (p.phone) b.appendChild(el("p", "counter", "Cần gấp, hãy gọi " + (p.name || "bộ phận một cửa") + ": " + p.phone));
      }).catch(function () { /* no profile: the reference is enough */ });
    }).catch(function (e) { showError(e.message); });
  }

  function poll() {
    if (!conversationId) return;
    api("/api/v1/conversations/" + conversationId + "/messages?after=" + lastMessageId).then(function (res) {
      res.data.messages.forEach(function (m) {
        lastMessageId = Math.max(lastMessageId, m.id);
        if (m.role === "officer") bubble("officer", m.text);
      });
      if (res.data.status === "closed") stopPolling();
    }).catch(function () { /* keep polling quietly; the network may be slow */ });
  }

  function startPolling() { if (!pollTimer) pollTimer = setInterval(poll, pollMs); }
  function stopPolling() { if (pollTimer) { clearInterval(pollTimer); pollTimer = null; } }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); send(question.value); });
  question.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); send(question.value); }
  });
  var examples = document.getElementById("examples");
  if (examples) {
    examples.querySelectorAll("button[data-q]").forEach(function (btn) {
      btn.addEventListener("click", function () { send(btn.getAttribute("data-q")); });
    });
  }
  document.getElementById("new").addEventListener("click", function () {
    if (examples) examples.hidden = false;
    conversationId = null; lastMessageId = 0; stopPolling();
    while (chat.firstChild) chat.removeChild(chat.firstChild);
    showError(""); question.focus();
  });
})();
