import regular from '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf';
import semiBold from '@expo-google-fonts/sarabun/600SemiBold/Sarabun_600SemiBold.ttf';
import bold from '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf';

/** Sarabun, bundled with the client: the machines are offline, so no font CDN. */
const faces: [string, number][] = [
  [regular, 400],
  [semiBold, 600],
  [bold, 700],
];
const style = document.createElement('style');
style.textContent = faces
  .map(
    ([url, weight]) =>
      `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:swap;src:url('${url}') format('truetype');}`,
  )
  .join('\n');
document.head.appendChild(style);
