// vanban serve: the page's own script. Every request that changes something carries the
// page's token (X-Vanban-Token); answers are HTML fragments put into the page as they come.
"use strict";

const token = document.querySelector('meta[name="vanban-token"]').content;
const $ = (selector) => document.querySelector(selector);

// POST `body` (FormData or nothing) to `url`; returns { ok, status, html }.
async function post(url, body) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "X-Vanban-Token": token },
      body: body || null,
    });
    return { ok: response.ok, status: response.status, html: await response.text() };
  } catch (e) {
    return { ok: false, status: 0, html: '<p class="loi">Không kết nối được với vanban: chương trình đã dừng?</p>' };
  }
}

function show(target, html, scroll) {
  target.innerHTML = html;
  if (scroll && html) target.scrollIntoView({ block: "start" });
}

function busyButtons(busy) {
  for (const b of document.querySelectorAll("button")) b.disabled = busy;
}

// --- the round --------------------------------------------------------------------------

async function check() {
  const target = $("#ket-qua-kiem-tra");
  show(target, '<p class="muted">Đang kiểm tra…</p>');
  const answer = await post("/kiem-tra");
  show(target, answer.html, true);
}

async function run() {
  const pdf = $("#kem-pdf") && $("#kem-pdf").checked ? "?pdf=1" : "";
  const answer = await post("/tao" + pdf);
  if (!answer.ok) {
    show($("#ket-qua"), answer.html);
    return;
  }
  show($("#ket-qua"), "");
  show($("#ket-qua-kiem-tra"), "");
  follow($("#ket-qua"), $("#tien-do"));
}

// Polls the job's status until it ends, showing it in the progress `box`, then shows its
// results in `target`.
async function follow(target, box) {
  if (box) box.hidden = false;
  busyButtons(true);
  for (;;) {
    let status;
    try {
      status = await (await fetch("/trang-thai")).json();
    } catch (e) {
      show(target, '<p class="loi">Không kết nối được với vanban: chương trình đã dừng?</p>');
      break;
    }
    const bar = box && box.querySelector("progress");
    if (bar) {
      bar.max = Math.max(status.total, 1);
      bar.value = status.busy ? status.done : bar.max;
    }
    const text = box && box.querySelector("span");
    if (text) {
      text.textContent = status.busy
        ? `${status.phase}… ${status.done}/${status.total || "?"}`
        : "Xong.";
    }
    if (!status.busy) {
      if (status.last) {
        const response = await fetch("/ket-qua/" + status.last);
        show(target, await response.text(), true);
      }
      break;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  busyButtons(false);
}

// A source's workbook replaced by a file dropped on its row (or chosen).
async function replaceSource(name, file, row) {
  const note = row.querySelector(".tin");
  note.innerHTML = '<span class="muted">Đang tải lên…</span>';
  const form = new FormData();
  form.append("tep", file, file.name);
  const answer = await post("/nguon/" + encodeURIComponent(name), form);
  note.innerHTML = answer.html;
  if (answer.ok) setTimeout(() => location.reload(), 800);
}

function dropZone(element, onFiles) {
  element.addEventListener("dragover", (e) => {
    e.preventDefault();
    element.classList.add("tren");
  });
  element.addEventListener("dragleave", () => element.classList.remove("tren"));
  element.addEventListener("drop", (e) => {
    e.preventDefault();
    element.classList.remove("tren");
    if (e.dataTransfer.files.length) onFiles(e.dataTransfer.files);
  });
}

// --- one template, one workbook ---------------------------------------------------------

async function singleUpload(files) {
  const form = new FormData();
  for (const f of files) form.append("tep", f, f.name);
  const target = $("#mot-mau-noi-dung");
  show(target, '<p class="muted">Đang tải lên…</p>');
  const answer = await post("/mot-mau/tai-len", form);
  show(target, answer.html);
}

// The choices (sheet, header row, group column) sent; the rows and problems shown.
async function singleRead() {
  const choices = $("#mot-mau-chon");
  if (!choices) return;
  const answer = await post("/mot-mau/doc", new URLSearchParams(new FormData(choices)));
  show($("#mot-mau-noi-dung"), answer.html);
}

async function singlePreview() {
  const target = $("#mot-mau-xem-truoc");
  show(target, '<p class="muted">Đang dựng trang đầu (LibreOffice)…</p>');
  const answer = await post("/mot-mau/xem-truoc", new URLSearchParams(new FormData($("#mot-mau-chon"))));
  show(target, answer.html, true);
}

async function singleRun() {
  const target = $("#mot-mau-ket-qua");
  const answer = await post("/mot-mau/tao", new URLSearchParams(new FormData($("#mot-mau-chon"))));
  if (!answer.ok) {
    show(target, answer.html);
    return;
  }
  show(target, "");
  follow(target, $("#mot-mau-tien-do"));
}

// --- wiring -----------------------------------------------------------------------------

document.addEventListener("click", (e) => {
  const id = e.target.id;
  if (id === "kiem-tra") check();
  else if (id === "tao") run();
  else if (id === "mot-mau-xem-nut") singlePreview();
  else if (id === "mot-mau-tao") singleRun();
});

document.addEventListener("change", (e) => {
  const t = e.target;
  if (t.dataset && t.dataset.replace && t.files.length) {
    replaceSource(t.dataset.replace, t.files[0], t.closest("tr"));
  } else if (t.id === "chon-mot-mau" && t.files.length) {
    singleUpload(t.files);
  } else if (t.closest && t.closest("#mot-mau-chon")) {
    singleRead();
  }
});

for (const row of document.querySelectorAll("tr.tha")) {
  dropZone(row, (files) => replaceSource(row.dataset.source, files[0], row));
}
const singleZone = $("#tha-mot-mau");
if (singleZone) dropZone(singleZone, singleUpload);

// A job already running when the page opens (another tab started it): follow it.
fetch("/trang-thai")
  .then((r) => r.json())
  .then((s) => {
    if (s.busy && $("#ket-qua")) follow($("#ket-qua"), $("#tien-do"));
  })
  .catch(() => {});
