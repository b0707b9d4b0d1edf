// The classic pages' pictures, drawn for tssupervisor: a pulse line in a rounded square, as the
// header mark and as the tab icon.

const mark = (size: number): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">` +
  '<rect x="1" y="1" width="30" height="30" rx="7" fill="#2f6fb3"/>' +
  '<path d="M5 17h6l2.5-6 4 12 3-8 1.5 2H27" fill="none" stroke="#fff" stroke-width="2.4" ' +
  'stroke-linecap="round" stroke-linejoin="round"/>' +
  '</svg>\n';

export const LOGO_SVG = mark(36);

export const ICON_SVG = mark(32);
