/*
 * A hand-simplified equirectangular world map (viewBox 100×50: x = (lon + 180) / 3.6,
 * y = (90 − lat) / 3.6), inline so it needs no image request and takes the CSS colours.
 * Decorative: whoever uses it supplies the accessible name.
 */
const LAND = [
  // North America, Greenland
  'M4.2 6.9 11.1 5.6 23.6 4.2 31.9 7.8 34.7 11.1 31 13.5 27.8 18 23 20 20.8 18.9 17.2 15.8 15.3 11.7 8.3 8.3 4.2 8.3Z',
  'M37.5 8.3 44.4 5 41.7 2.2 33.3 2.8 34.7 5.6Z',
  // Central and South America
  'M23 20 26.4 22.8 28.3 22.8 27.6 21.4 24.6 19.6Z',
  'M27.8 25 29.2 22.2 33.3 22.2 40.3 26.9 38.9 31.1 33.9 35.6 30.6 40 29.2 37.5 30.3 30 27.5 26.4Z',
  // Europe, Britain
  'M47.2 15 47.5 13.1 49.4 11.4 51.4 10.3 52.8 8.9 51.4 7.8 54.2 5.6 58.3 5.3 61.1 6.9 61.1 12.5 57.8 13.6 55.6 13.9 54.2 14.4 51.4 13.1 48.6 15Z',
  'M48.6 11.1 49.2 8.9 50.3 10.6Z',
  // Africa
  'M45.3 19.2 47.2 15.3 52.8 14.7 58.9 16.4 61.9 21.7 64.2 21.9 61.1 29.2 58.9 33.1 55.6 34.7 53.3 29.7 52.5 23.9 47.8 23.6 45.3 21.1Z',
  // Asia, Japan, islands
  'M61.1 12.5 61.1 6.9 66.7 5.6 77.8 3.6 88.9 5 100 6.1 98.6 7.8 94.4 8.3 88.9 11.1 86.1 13.3 83.9 16.7 80 19.4 79.2 22.2 77.8 24.4 77.2 20.8 75 18.9 72.2 22.8 70 19.4 66.7 18.1 63.9 16.7 61.9 21.4 59.7 16.7 60 14.7Z',
  'M86.1 16.4 89.2 13.6 90.3 12.8 88.9 15.3Z',
  'M76.4 23.6 79 24.6 83.3 27.2 88.9 27.2 86 25.6 80.5 25.4Z',
  // Australia, New Zealand
  'M81.7 31.1 86.1 28.3 89.4 28.1 92.5 32.5 90.6 35.8 87.5 34.4 81.9 34.4Z',
  'M97.2 35.2 98.3 36.6 96.4 38.6 96 37.8Z',
];

export function WorldMapGraphic({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 100 50" aria-hidden="true" focusable="false">
      <rect className="world-map__sea" width="100" height="50" rx="4" />
      {LAND.map((d) => (
        <path key={d} className="world-map__land" d={d} />
      ))}
    </svg>
  );
}
