// Small progressive enhancements; the pages work without this file.
"use strict";

document.addEventListener("keydown", (event) => {
  // "/" jumps to the search box, as on many search sites.
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
  const box = document.getElementById("q");
  if (box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

// Highlights are keyboard-reachable so their speaker (the title) can be read without a mouse.
for (const mark of document.querySelectorAll("article.doc mark.q")) {
  mark.tabIndex = 0;
  mark.setAttribute("aria-label", (mark.getAttribute("title") || "") + ": " + mark.textContent);
}

// Empty filter fields are left out of the search URL so links stay short and shareable.
const form = document.querySelector("form.search");
if (form) {
  form.addEventListener("submit", () => {
    for (const input of form.querySelectorAll("input[name]")) {
      if (!input.value.trim()) input.disabled = true;
    }
  });
  window.addEventListener("pageshow", () => {
    for (const input of form.querySelectorAll("input[name]")) input.disabled = false;
  });
}
