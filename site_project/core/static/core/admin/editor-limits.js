/* Say every limit in the Wagtail editor (loaded by core/wagtail_hooks.py).
 *
 * 1. Character counts: every text input or textarea with a limit (`data-max-chars`,
 *    set by core/forms.py on model fields, or `maxlength`, which StreamField blocks
 *    keep) shows "12 of 280 characters" below it, and says how many are too many.
 *    Fields added later (new StreamField blocks) get their count when first focused.
 * 2. Tab error counts: Wagtail counts each tab's errors once, when the tab link
 *    starts, before StreamField has drawn the errors inside its blocks; count again
 *    once the page has loaded, so a block's error shows on its tab.
 */
(() => {
  "use strict";

  const LIMITED = "input[data-max-chars], textarea[data-max-chars], input[maxlength], textarea[maxlength]";
  const TEXT_TYPES = ["text", "url", "email", "search", "tel", ""];

  const limitOf = (field) =>
    parseInt(field.getAttribute("data-max-chars") || field.getAttribute("maxlength") || "0", 10);

  const isCountable = (field) =>
    field.matches(LIMITED) &&
    limitOf(field) > 0 &&
    (field.tagName === "TEXTAREA" || TEXT_TYPES.includes((field.getAttribute("type") || "").toLowerCase()));

  let counterIds = 0;

  const describe = (length, limit) => {
    const over = length - limit;
    const text = `${length} of ${limit} characters`;
    return over > 0 ? `${text}: ${over} too many` : text;
  };

  const update = (field) => {
    const counter = field.siteCharCounter;
    if (!counter) return;
    const limit = limitOf(field);
    counter.textContent = describe(field.value.length, limit);
    counter.classList.toggle("site-char-count--over", field.value.length > limit);
  };

  const ensureCounter = (field) => {
    if (field.siteCharCounter || !isCountable(field)) return;
    const counter = document.createElement("p");
    counter.className = "w-field__help site-char-count";
    counterIds += 1;
    counter.id = `site-char-count-${counterIds}`;
    const input = field.closest(".w-field__input");
    (input || field).insertAdjacentElement("afterend", counter);
    const describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", describedBy ? `${describedBy} ${counter.id}` : counter.id);
    field.siteCharCounter = counter;
    update(field);
  };

  const countAll = (root) => root.querySelectorAll(LIMITED).forEach(ensureCounter);

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLElement) ensureCounter(event.target);
  });
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field instanceof HTMLElement) {
      ensureCounter(field);
      update(field);
    }
  });

  const recountTabErrors = () => {
    const app = window.wagtail && window.wagtail.app;
    if (!app) return;
    document.querySelectorAll('.w-tabs__errors[data-controller~="w-count"]').forEach((element) => {
      const controller = app.getControllerForElementAndIdentifier(element, "w-count");
      if (controller) controller.count();
    });
  };

  const afterLoad = () => {
    countAll(document);
    recountTabErrors();
  };
  if (document.readyState === "complete") {
    afterLoad();
  } else {
    window.addEventListener("load", afterLoad);
  }
  // Collapsible panels (and StreamField blocks) announce themselves as they start.
  let pending = null;
  document.addEventListener("wagtail:panel-init", () => {
    clearTimeout(pending);
    pending = setTimeout(recountTabErrors, 50);
  });
})();
