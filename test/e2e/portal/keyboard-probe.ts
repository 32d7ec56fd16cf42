/**
 * What the keyboard suite reads from the page: the focused element as a person would name it,
 * and its focus indicator. `installKeyboardProbe` runs in the page (added as an init script, so
 * every document has it and the portal's CSP does not apply) and must stay self-contained: it
 * is serialised, it cannot call anything of this module.
 */
import { Page } from 'playwright-core';

/** The focused element, as the suite names it in assertions and problem lines. */
export interface Focused {
  /** `body` when nothing in the page has focus (focus is in the browser's own UI). */
  tag: string;
  id: string;
  role: string;
  /** The accessible name, roughly: aria-label, the label of a field, else the visible text. */
  name: string;
  href: string;
  type: string;
  checked: boolean;
  /** The name of the nearest `article` (a decision card) around it, if any. */
  card: string;
  /** Whether it is inside `main`. */
  inMain: boolean;
  /** Whether it is inside an open dialog (role dialog or alertdialog). */
  inDialog: boolean;
}

/** The computed styles that can show focus. */
export interface IndicatorStyle {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  borderColor: string;
  backgroundColor: string;
  color: string;
  textDecorationLine: string;
}

/** A tab stop's look with focus, what lies just outside it, and where it is on the screen. */
export interface FocusedLook {
  style: IndicatorStyle;
  /** The background colour just outside the element (where an outline is drawn), as rgb(). */
  around: string;
  /** Its box is on the screen (not hidden, not off-screen) once focused. */
  onScreen: boolean;
}

export interface KeyboardProbe {
  focused(): Focused;
  /**
   * Numbers every element that could take focus and returns their looks now: called before
   * the walk, while nothing has focus (elements re-rendered later are looked at again after it).
   */
  markAll(): Record<string, IndicatorStyle>;
  /** The number of the focused element (numbered now if it was not) and its look while focused. */
  markStop(): FocusedLook & { mark: string };
  /** The look of every numbered element now (call once focus has left them). */
  unfocusedLooks(): Record<string, IndicatorStyle>;
  /** Elements drawn as clickable (pointer cursor) that the keyboard cannot reach. */
  unreachableClickables(): string[];
}

interface ProbeRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** The bits of the DOM used in the page (the root tsconfig, for Node code, has no DOM types). */
interface ProbeElement {
  tagName: string;
  id: string;
  textContent: string | null;
  parentElement: ProbeElement | null;
  labels?: { length: number; [index: number]: ProbeElement };
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  closest(selector: string): ProbeElement | null;
  matches(selector: string): boolean;
  contains(other: ProbeElement): boolean;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  getBoundingClientRect(): ProbeRect;
}

interface ProbeWindow {
  document: {
    activeElement: ProbeElement | null;
    body: ProbeElement;
    documentElement: ProbeElement;
    getElementById(id: string): ProbeElement | null;
    querySelectorAll(selector: string): ArrayLike<ProbeElement>;
    elementsFromPoint(x: number, y: number): ProbeElement[];
  };
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(element: ProbeElement): Record<string, string>;
  __keyboardProbe?: KeyboardProbe;
}

export function installKeyboardProbe(): void {
  const win = globalThis as unknown as ProbeWindow;
  const doc = win.document;
  const text = (element: ProbeElement | null) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
  const nameOf = (element: ProbeElement): string => {
    const label = element.getAttribute('aria-label');
    if (label) return label;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy)
      return labelledBy
        .split(' ')
        .map((id) => text(doc.getElementById(id)))
        .join(' ');
    if (element.labels && element.labels.length) return text(element.labels[0]);
    return text(element);
  };
  const styleOf = (element: ProbeElement): IndicatorStyle => {
    const style = win.getComputedStyle(element);
    return {
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      borderColor: style.borderTopColor,
      backgroundColor: style.backgroundColor,
      color: style.color,
      textDecorationLine: style.textDecorationLine,
    };
  };
  const opaqueBackground = (start: ProbeElement | null): string => {
    for (let element = start; element; element = element.parentElement) {
      const colour = win.getComputedStyle(element).backgroundColor;
      const alpha = /rgba\(.*,\s*([\d.]+)\)/.exec(colour);
      if (colour !== 'transparent' && (!alpha || Number(alpha[1]) >= 0.5)) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  /** What is painted just outside the element's box: left, right, above or below it. */
  const around = (element: ProbeElement): string => {
    const box = element.getBoundingClientRect();
    const middleX = (box.left + box.right) / 2;
    const middleY = (box.top + box.bottom) / 2;
    const points = [
      [box.left - 4, middleY],
      [box.right + 4, middleY],
      [middleX, box.top - 4],
      [middleX, box.bottom + 4],
    ];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) continue;
      const beside = doc
        .elementsFromPoint(x, y)
        .find((candidate) => candidate !== element && !element.contains(candidate));
      if (beside) return opaqueBackground(beside);
    }
    return opaqueBackground(element.parentElement);
  };
  const focusable =
    'a[href], button, input, select, textarea, summary, label, [tabindex], [contenteditable="true"]';
  let marks = 0;
  win.__keyboardProbe = {
    focused() {
      const element = doc.activeElement;
      if (!element || element === doc.body || element === doc.documentElement)
        return {
          tag: 'body',
          id: '',
          role: '',
          name: '',
          href: '',
          type: '',
          checked: false,
          card: '',
          inMain: false,
          inDialog: false,
        };
      const card = element.closest('article');
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        role: element.getAttribute('role') ?? '',
        name: nameOf(element),
        href: element.getAttribute('href') ?? '',
        type: element.getAttribute('type') ?? '',
        checked: Boolean((element as unknown as { checked?: boolean }).checked),
        card: card ? nameOf(card) : '',
        inMain: Boolean(element.closest('main')),
        inDialog: Boolean(element.closest('[role="dialog"], [role="alertdialog"]')),
      };
    },
    markAll() {
      const looks: Record<string, IndicatorStyle> = {};
      const all = doc.querySelectorAll(focusable);
      for (let i = 0; i < all.length; i++) {
        const mark = `m${marks++}`;
        all[i].setAttribute('data-keyboard-mark', mark);
        looks[mark] = styleOf(all[i]);
      }
      return looks;
    },
    markStop() {
      const element = doc.activeElement ?? doc.body;
      let mark = element.getAttribute('data-keyboard-mark');
      if (!mark) {
        mark = `m${marks++}`;
        element.setAttribute('data-keyboard-mark', mark);
      }
      const box = element.getBoundingClientRect();
      return {
        mark,
        style: styleOf(element),
        around: around(element),
        onScreen:
          box.width >= 1 &&
          box.height >= 1 &&
          box.right > 0 &&
          box.bottom > 0 &&
          box.left < win.innerWidth &&
          box.top < win.innerHeight,
      };
    },
    unfocusedLooks() {
      const looks: Record<string, IndicatorStyle> = {};
      const marked = doc.querySelectorAll('[data-keyboard-mark]');
      for (let i = 0; i < marked.length; i++) {
        const element = marked[i];
        looks[element.getAttribute('data-keyboard-mark') ?? ''] = styleOf(element);
      }
      return looks;
    },
    unreachableClickables() {
      const found: string[] = [];
      const all = doc.querySelectorAll('body *');
      for (let i = 0; i < all.length; i++) {
        const element = all[i];
        if (win.getComputedStyle(element).cursor !== 'pointer') continue;
        if (element.closest(focusable)) continue;
        const box = element.getBoundingClientRect();
        if (box.width < 1 || box.height < 1) continue;
        found.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`);
      }
      return found;
    },
  };
}

/** The focused element of the page. */
export function focusedIn(page: Page): Promise<Focused> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__keyboardProbe!.focused());
}

export function markAll(page: Page): Promise<Record<string, IndicatorStyle>> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__keyboardProbe!.markAll());
}

export function markStop(page: Page): Promise<FocusedLook & { mark: string }> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__keyboardProbe!.markStop());
}

export function unfocusedLooks(page: Page): Promise<Record<string, IndicatorStyle>> {
  return page.evaluate(() =>
    (globalThis as unknown as ProbeWindow).__keyboardProbe!.unfocusedLooks(),
  );
}

export function unreachableClickables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (globalThis as unknown as ProbeWindow).__keyboardProbe!.unreachableClickables(),
  );
}

/** The colour's relative luminance (WCAG 2.x), from a computed `rgb()`/`rgba()` value. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0'])
    .slice(0, 3)
    .map((part) => Number(part) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two computed colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Why a stop's focus is not visible enough, or null: focused, it must look different from
 * unfocused, and an outline (the portal's indicator) must contrast 3:1 with what is around it
 * (WCAG 1.4.11 non-text contrast).
 */
export function indicatorProblem(
  focused: FocusedLook,
  unfocused: IndicatorStyle | undefined,
): string | null {
  if (!focused.onScreen) return 'not on the screen when focused';
  const style = focused.style;
  // An element replaced by a re-render is compared with no unfocused look: every property counts as changed.
  const changed = (Object.keys(style) as (keyof IndicatorStyle)[]).filter(
    (key) => style[key] !== unfocused?.[key],
  );
  if (!changed.length) return 'looks the same focused and unfocused';
  const outlined =
    style.outlineStyle !== 'none' &&
    parseFloat(style.outlineWidth) > 0 &&
    changed.some((key) => key.startsWith('outline'));
  if (outlined) {
    const ratio = contrast(style.outlineColor, focused.around);
    if (ratio < 3)
      return `focus outline ${style.outlineColor} on ${focused.around}: ${ratio.toFixed(2)}:1 (needs 3:1)`;
  }
  return null;
}
