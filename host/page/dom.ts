/**
 * The two DOM helpers the page uses. Every piece of ticket text goes in through `textContent` (via `el`),
 * never as HTML: case files hold customer-written text, and the page must show it, not run it.
 */

/** The element with `id`, checked to be of the expected kind, so a renamed id fails loudly at start. */
export function byId<Type extends HTMLElement>(id: string, kind: { new (): Type; prototype: Type }): Type {
  const found = document.getElementById(id);
  if (!(found instanceof kind))
    throw new Error(`The host page has no ${kind.name} #${id}; index.html and main.ts disagree.`);
  return found;
}

/** A new element with an optional class and text, and children appended in order. */
export function el<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props: { readonly className?: string; readonly text?: string } = {},
  ...children: readonly Node[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  element.append(...children);
  return element;
}

/** Keeps the newest `max` items of a log list, dropping the oldest. */
export function trimList(list: HTMLElement, max: number): void {
  while (list.childElementCount > max) list.firstElementChild?.remove();
}
