// The page of `khuyencong serve`: upload a plan, show the summary, a chart and the rows with
// findings, download the report.  No library, no external asset; text goes in with textContent.
"use strict";

(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_ROWS_SHOWN = 500;
  var form = document.getElementById("check-form");
  var fileInput = document.getElementById("file");
  var statusLine = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var result = document.getElementById("result");
  var submit = document.getElementById("submit");

  var T = {
    vi: { rows: "Số dòng", proposals: "Số đề án", cost: "Tổng kinh phí", requested: "Đề nghị hỗ trợ",
      allowed: "Được hỗ trợ", byStatus: "Dòng theo trạng thái", bySeverity: "Phát hiện theo mức độ",
      checking: "Đang kiểm tra…", done: "Đã kiểm tra xong.", noFile: "Hãy chọn một tệp kế hoạch.",
      downloading: "Đang tạo báo cáo…", downloaded: "Đã tải báo cáo.", none: "Không có dòng nào có phát hiện.",
      shown: "Hiển thị {n} trên {m} dòng có phát hiện; tải báo cáo để xem tất cả.", unknown: "chưa xác định",
      chart: "Kinh phí theo nội dung", chartNone: "Không có kinh phí để vẽ biểu đồ." },
    en: { rows: "Rows", proposals: "Proposals", cost: "Total cost", requested: "Requested",
      allowed: "Allowed", byStatus: "Rows by status", bySeverity: "Findings by severity",
      checking: "Checking…", done: "Checked.", noFile: "Choose a plan file.",
      downloading: "Building the report…", downloaded: "Report downloaded.", none: "No row has a finding.",
      shown: "Showing {n} of {m} rows with findings; download the report for all.", unknown: "not known",
      chart: "Amounts by content", chartNone: "No amounts to chart." }
  };

  var labels = { content: {}, funding: {} };

  function label(dimension, key) {
    if (!key) { return lang() === "vi" ? "(không rõ)" : "(unknown)"; }
    return key.split("+").map(function (part) {
      var known = labels[dimension][part];
      return known ? known[lang()] : part;
    }).join(" + ");
  }

  var STATUS = {
    eligible: "đủ điều kiện", ineligible: "không đủ điều kiện", not_assessable: "chưa đánh giá được",
    invalid: "không hợp lệ", valid: "hợp lệ", blank: "dòng trống"
  };

  function status(code) {
    return lang() === "vi" && STATUS[code] ? STATUS[code] + " (" + code + ")" : code;
  }

  function lang() { return document.getElementById("lang").value === "en" ? "en" : "vi"; }
  function t(key) { return T[lang()][key]; }

  function money(text) {
    if (text === null || text === undefined) { return t("unknown"); }
    var negative = text.charAt(0) === "-";
    var digits = negative ? text.slice(1) : text;
    var grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang() === "vi" ? "." : ",");
    return (negative ? "-" : "") + grouped + " đ";
  }

  function el(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function query(output) {
    var params = new URLSearchParams();
    params.set("output", output);
    params.set("lang", lang());
    var asOf = document.getElementById("as_of").value;
    if (asOf) { params.set("as_of", asOf); }
    var rulebook = document.getElementById("rulebook").value;
    if (rulebook) { params.append("rulebook", rulebook); }
    return "/check?" + params.toString();
  }

  function post(output) {
    var body = new FormData();
    body.append("file", fileInput.files[0]);
    return fetch(query(output), { method: "POST", body: body, headers: { "Accept-Language": lang() } })
      .then(function (response) {
        if (response.ok) { return response; }
        return response.json().then(function (problem) { throw problem; }, function () {
          throw { title: response.status + " " + response.statusText, detail: "" };
        });
      });
  }

  function showError(problem) {
    errorBox.textContent = "";
    errorBox.appendChild(el("strong", problem.title || "Lỗi"));
    if (problem.detail) { errorBox.appendChild(el("p", problem.detail)); }
    if (problem.errors && problem.errors.length) {
      var list = el("ul");
      problem.errors.forEach(function (e) { list.appendChild(el("li", e.path + ": " + e.message)); });
      errorBox.appendChild(list);
    }
    errorBox.hidden = false;
    statusLine.textContent = "";
  }

  function pair(dl, term, value) {
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", value));
  }

  function counts(mapping) {
    return Object.keys(mapping).sort().map(function (k) { return status(k) + ": " + mapping[k]; }).join(", ") || "—";
  }

  function showSummary(summary) {
    var dl = document.getElementById("summary");
    dl.textContent = "";
    pair(dl, t("rows"), summary.rows);
    pair(dl, t("proposals"), summary.proposals);
    pair(dl, t("byStatus"), counts(summary.rows_by_status));
    pair(dl, t("bySeverity"), counts(summary.findings_by_severity));
    pair(dl, t("cost"), money(summary.cost));
    pair(dl, t("requested"), money(summary.requested));
    pair(dl, t("allowed"), money(summary.allowed));
  }

  function svg(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (k) { node.setAttribute(k, String(attributes[k])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function showChart(summary) {
    var figure = document.getElementById("chart");
    figure.textContent = "";
    var useAllowed = summary.assessed && summary.allowed !== null;
    var rows = (summary.tables.content || []).map(function (r) {
      var text = useAllowed ? (r.allowed || "0") : r.requested;
      return { label: label("content", r.key), value: Number(text), text: text };
    }).filter(function (r) { return r.value > 0; });
    var title = t("chart") + " (" + (useAllowed ? t("allowed") : t("requested")) + ")";
    if (!rows.length) { figure.appendChild(el("p", t("chartNone"))); return; }
    var bar = 22, gap = 8, labelWidth = 290, width = 720, top = 8;
    var largest = Math.max.apply(null, rows.map(function (r) { return r.value; }));
    var height = top + rows.length * (bar + gap);
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", role: "img", "aria-label": title });
    chart.appendChild(svg("title", {}, title));
    rows.forEach(function (r, i) {
      var y = top + i * (bar + gap);
      var length = Math.max(1, Math.round((width - labelWidth - 150) * r.value / largest));
      var short = r.label.length > 36 ? r.label.slice(0, 35) + "…" : r.label;
      var name = svg("text", { x: labelWidth - 6, y: y + bar - 6, "text-anchor": "end", "font-size": 13 });
      name.appendChild(svg("title", {}, r.label));
      name.appendChild(document.createTextNode(short));
      chart.appendChild(name);
      chart.appendChild(svg("rect", { x: labelWidth, y: y, width: length, height: bar, fill: "#1d4f91" }));
      chart.appendChild(svg("text", { x: labelWidth + length + 4, y: y + bar - 6, "font-size": 13 }, money(r.text)));
    });
    figure.appendChild(chart);
    figure.appendChild(el("figcaption", title));
  }

  function showRows(rows) {
    var body = document.querySelector("#rows tbody");
    body.textContent = "";
    var withFindings = rows.filter(function (r) { return r.findings && r.findings.length; });
    var note = document.getElementById("rows-note");
    note.textContent = !withFindings.length ? t("none") : withFindings.length > MAX_ROWS_SHOWN
      ? t("shown").replace("{n}", MAX_ROWS_SHOWN).replace("{m}", withFindings.length) : "";
    withFindings.slice(0, MAX_ROWS_SHOWN).forEach(function (r) {
      var tr = el("tr");
      var heads = document.querySelectorAll("#rows thead th");
      [r.row, r.proposal_code || "", status(r.status)].forEach(function (value, i) {
        var td = el("td", value);
        td.setAttribute("data-label", heads[i].textContent);
        tr.appendChild(td);
      });
      var cell = el("td");
      cell.setAttribute("data-label", heads[3].textContent);
      var list = el("ul");
      r.findings.forEach(function (f) {
        var item = el("li");
        item.appendChild(el("span", "[" + f.severity + "] ", "sev-" + f.severity));
        item.appendChild(document.createTextNode((f.column ? f.column + ": " : "") + f.message));
        if (f.citation) { item.appendChild(el("span", " — " + f.citation, "clause")); }
        list.appendChild(item);
      });
      cell.appendChild(list);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorBox.hidden = true;
    if (!fileInput.files.length) { showError({ title: t("noFile") }); fileInput.focus(); return; }
    submit.disabled = true;
    statusLine.textContent = t("checking");
    post("json").then(function (response) { return response.json(); }).then(function (report) {
      showSummary(report.summary);
      showChart(report.summary);
      showRows(report.rows);
      result.hidden = false;
      statusLine.textContent = t("done");
    }).catch(showError).then(function () { submit.disabled = false; });
  });

  document.querySelectorAll("button[data-output]").forEach(function (button) {
    button.addEventListener("click", function () {
      var output = button.getAttribute("data-output");
      errorBox.hidden = true;
      statusLine.textContent = t("downloading");
      button.disabled = true;
      post(output).then(function (response) { return response.blob(); }).then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "khuyencong-report." + output;
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        statusLine.textContent = t("downloaded");
      }).catch(showError).then(function () { button.disabled = false; });
    });
  });

  fetch("/labels").then(function (r) { return r.json(); }).then(function (known) {
    labels = known;
  }).catch(function () { /* codes are shown as they are */ });

  fetch("/rulebooks").then(function (r) { return r.json(); }).then(function (books) {
    var select = document.getElementById("rulebook");
    books.filter(function (b) { return b.kind !== "national"; }).forEach(function (b) {
      var option = el("option", b.title_vi + (b.province ? " — " + b.province : "") + (b.illustrative ? " (minh họa)" : ""));
      option.value = b.id;
      select.appendChild(option);
    });
  }).catch(function () { /* the national rulebook still applies */ });
})();
