/**
 * The glossary's explanations as a styled popover, in the panel's shadow root: it opens when
 * the pointer rests on an underlined term, when the term gets keyboard focus (Tab), and on a
 * tap; Escape, moving away or blurring closes it. It shows the glossary's name of the term and
 * at most about 160 characters of its definition, with "more" for the rest (Enter on the term
 * does the same). All text goes in as text nodes.
 */
import { localize, type UiLang } from '../../shared/context/localize';
import { h } from '../../shared/dom/h';
import { strings } from '../lib/i18n';
import type { PageTerm } from '../lib/messages';
import { shortText } from '../lib/panel-text';
import { TERM_ATTRIBUTE } from './glossary-highlights';

export interface GlossaryPopover {
  /** The popover element, for tests. */
  element: HTMLElement;
  remove(): void;
}

const HIDE_DELAY_MS = 250;
const FOCUS_RING = '2px solid currentColor';

/**
 * Wires the popover for the term spans inside `root` (features/glossary-highlights.ts) into
 * `layer` (PanelView.layer). Listeners are delegated from `root`, so the spans carry none.
 */
export function attachGlossaryPopover(root: Element, layer: HTMLElement, terms: readonly PageTerm[], lang: UiLang): GlossaryPopover {
  const doc = root.ownerDocument;
  const s = strings(lang);
  const byId = new Map(terms.map((t) => [t.id, t]));
  const name = h(doc, 'strong', { class: 'term-name' });
  const text = h(doc, 'span', { class: 'term-text' });
  const more = h(doc, 'button', { class: 'link-button', attrs: { type: 'button' } });
  const popover = h(doc, 'div', { class: 'popover', attrs: { role: 'tooltip', id: 'nadzor-term-popover', 'aria-live': 'polite', hidden: '' } }, name, text, ' ', more);
  layer.append(popover);

  let anchor: HTMLElement | null = null;
  let expanded = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  // Duck-typed, not `instanceof Element`: events can come from another realm's nodes.
  const termOf = (target: EventTarget | null): HTMLElement | null =>
    target && typeof (target as Element).closest === 'function' ? ((target as Element).closest(`[${TERM_ATTRIBUTE}]`) as HTMLElement | null) : null;

  function render(): void {
    const term = anchor && byId.get(anchor.getAttribute(TERM_ATTRIBUTE) ?? '');
    if (!term) return;
    const definition = localize(term.definition, lang);
    const { short, more: hasMore } = shortText(definition);
    name.textContent = localize(term.term, lang);
    text.textContent = expanded ? definition : short;
    more.textContent = expanded ? s.less : s.more;
    more.hidden = !hasMore;
  }

  /** Below the term when there is room, else above; always inside the viewport. */
  function position(): void {
    if (!anchor) return;
    const view = doc.defaultView!;
    const r = anchor.getBoundingClientRect();
    const box = popover.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left, view.innerWidth - box.width - 8));
    const below = r.bottom + 6;
    const top = below + box.height <= view.innerHeight - 8 ? below : Math.max(8, r.top - box.height - 6);
    popover.style.left = `${Math.round(left)}px`;
    popover.style.top = `${Math.round(top)}px`;
  }

  function show(span: HTMLElement): void {
    clearTimeout(hideTimer);
    if (anchor !== span) expanded = false;
    anchor = span;
    render();
    popover.hidden = false;
    position();
  }

  function hide(): void {
    clearTimeout(hideTimer);
    popover.hidden = true;
    anchor = null;
    expanded = false;
  }

  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  };

  const listeners: Array<[EventTarget, string, (e: Event) => void]> = [
    [root, 'pointerover', (e) => { const t = termOf(e.target); if (t) show(t); }],
    [root, 'pointerout', (e) => { if (termOf(e.target)) hideSoon(); }],
    [root, 'focusin', (e) => { const t = termOf(e.target); if (t) { t.style.outline = FOCUS_RING; show(t); } }],
    [root, 'focusout', (e) => { const t = termOf(e.target); if (t) { t.style.removeProperty('outline'); hideSoon(); } }],
    // A tap (touch has no hover): toggles the popover.
    [root, 'click', (e) => { const t = termOf(e.target); if (!t) return; if (anchor === t && !popover.hidden && (e as PointerEvent).pointerType === 'touch') hide(); else show(t); }],
    [root, 'keydown', (e) => {
      const t = termOf(e.target);
      const key = (e as KeyboardEvent).key;
      if (!t) return;
      if (key === 'Escape') hide();
      if (key === 'Enter' && anchor === t && !more.hidden) { expanded = !expanded; render(); position(); e.preventDefault(); }
    }],
    [popover, 'pointerover', () => clearTimeout(hideTimer)],
    [popover, 'pointerout', hideSoon],
    [more, 'click', () => { expanded = !expanded; render(); position(); }],
    [doc, 'scroll', () => { if (!popover.hidden) position(); }],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, type === 'scroll' ? { passive: true, capture: true } : undefined);

  return {
    element: popover,
    remove() {
      hide();
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, type === 'scroll' ? { capture: true } : undefined);
      popover.remove();
    },
  };
}
