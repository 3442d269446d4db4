// The handle between the columns and the detail pane: dragging it (or its arrow keys)
// widens the pane and narrows the columns. The width is kept in the panel's state.
import { el } from './dom';
import { clampWidth } from './layout';

/** Keyboard step of the handle, in CSS pixels. */
const KEY_STEP = 32;

/** Puts a vertical resize handle before `pane` (inside `container`) and applies `initial` width. */
export function installSplitter(container: HTMLElement, pane: HTMLElement, initial: number | undefined, onResized: (width: number) => void): HTMLElement {
  const handle = el('div', 'cc-splitter');
  handle.id = 'cc-splitter';
  handle.tabIndex = 0;
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', 'Resize the detail view');
  handle.title = 'Drag (or ← / →) to resize the detail view';
  container.insertBefore(handle, pane);
  const apply = (width: number) => {
    const w = clampWidth(width, container.clientWidth || window.innerWidth);
    pane.style.flexBasis = `${w}px`;
    handle.setAttribute('aria-valuenow', String(w));
    return w;
  };
  if (initial) apply(initial);
  handle.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const right = container.getBoundingClientRect().right;
    const move = (m: PointerEvent) => apply(right - m.clientX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.classList.remove('cc-dragging');
      onResized(pane.getBoundingClientRect().width);
    };
    handle.classList.add('cc-dragging');
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    onResized(apply(pane.getBoundingClientRect().width + (e.key === 'ArrowLeft' ? KEY_STEP : -KEY_STEP)));
  });
  return handle;
}
