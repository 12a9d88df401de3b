// Evaluated in the page by responsive.test.ts (a browser script, not a module): what a reader of
// a screen `width` pixels wide cannot see or reach sideways. It names every visible control
// (links, buttons, fields, selects, tabs, switches, labels) and every chart that lies outside the
// screen, or outside a box that hides what overflows it, and every text of a chart that runs out
// of the chart. A control inside a box that scrolls sideways (a wide table's scroll area) counts
// as reachable when that box itself lies within the screen. It also gives the page's own width,
// which is more than the screen's when the page scrolls sideways.
globalThis.layoutProbe = (width) => {
  const controls = [
    'a[href]',
    'button',
    'input:not([type=hidden])',
    'select',
    'textarea',
    'label',
    '[role=button]',
    '[role=tab]',
    '[role=switch]',
    '[role=checkbox]',
    '[role=radio]',
  ].join(',');
  const charts = 'div[role=img][dir=ltr]';
  const slack = 1;
  const round = (x) => Math.round(x);
  const describe = (el) => {
    const testId = el.getAttribute('data-testid');
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 40);
    return `${el.tagName.toLowerCase()}${testId ? `[${testId}]` : ''} "${text}"`;
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && Number(style.opacity) > 0;
  };
  /** Where `el` can be seen: within each box above it that hides or scrolls what overflows it. */
  const problemOf = (el) => {
    const box = el.getBoundingClientRect();
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === 'visible') continue;
      const around = up.getBoundingClientRect();
      if (
        (overflow === 'auto' || overflow === 'scroll') &&
        up.scrollWidth > up.clientWidth + slack
      ) {
        // Reachable by scrolling this box sideways, if the box itself can be seen.
        const reason = problemOf(up);
        return reason ? `in a scrolling box that is ${reason}` : null;
      }
      if (box.left < around.left - slack || box.right > around.right + slack)
        return `cut off by its box (${round(box.left)}..${round(box.right)} in ${round(around.left)}..${round(around.right)})`;
    }
    if (box.left < -slack || box.right > width + slack)
      return `off the screen (${round(box.left)}..${round(box.right)} of 0..${width})`;
    return null;
  };

  const outside = [];
  for (const el of document.querySelectorAll(`${controls},${charts}`)) {
    if (!visible(el)) continue;
    const problem = problemOf(el);
    if (problem) outside.push(`${describe(el)}: ${problem}`);
  }
  for (const chart of document.querySelectorAll(charts)) {
    if (!visible(chart)) continue;
    const frame = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      if (box.width < 1) continue;
      if (box.left < frame.left - slack || box.right > frame.right + slack)
        outside.push(
          `${describe(chart)}: its text "${text.textContent}" runs out of it (${round(box.left)}..${round(box.right)} in ${round(frame.left)}..${round(frame.right)})`,
        );
    }
  }
  return {
    pageWidth: document.scrollingElement.scrollWidth,
    outside,
    controls: document.querySelectorAll(controls).length,
    charts: document.querySelectorAll(charts).length,
  };
};
