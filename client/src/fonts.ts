import regular from '../fonts/sarabun-400Regular.woff2';
import bold from '../fonts/sarabun-700Bold.woff2';

/**
 * Sarabun, bundled with the client: the machines are offline, so no font CDN. woff2 subsets of
 * Thai and Latin (client/fonts/subset.sh), about 20 KB a weight instead of 83 KB of TTF; other
 * characters fall back to the system's Thai fonts.
 */
const RANGE = 'U+0000-00FF,U+0E00-0E7F,U+2000-206F,U+20AC,U+2122,U+2190-2195,U+25B2,U+25BC,U+2713';
// Two weights: text at 600 (buttons, table heads) is drawn with the bold face, which keeps the
// login page under 200 KB transferred on a phone.
const faces: [string, string][] = [
  [regular, '400'],
  [bold, '600 700'],
];
const style = document.createElement('style');
style.textContent = faces
  .map(
    ([url, weight]) =>
      `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:swap;src:url('${url}') format('woff2');unicode-range:${RANGE};}`,
  )
  .join('\n');
document.head.appendChild(style);
