// Building the live UI's elements. Text goes in as text nodes, attributes through
// setAttribute: nothing from the daemon is ever parsed as HTML (no innerHTML anywhere), so a
// process called `<script>` is shown as those characters.

export type Child = Node | string | null;

export interface Props {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: () => void;
}

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  if (props.class !== undefined) {
    element.className = props.class;
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  if (props.onClick !== undefined) {
    element.addEventListener('click', props.onClick);
  }
  element.append(...children.filter((child): child is Node | string => child !== null));
  return element;
};

/** Sets an element's text only when it changed (a redraw keeps selections and focus). */
export const setText = (element: Element, text: string): void => {
  if (element.textContent !== text) {
    element.textContent = text;
  }
};

const SVG = 'http://www.w3.org/2000/svg';

export const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>>,
  ...children: SVGElement[]
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
};
