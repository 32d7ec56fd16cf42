/**
 * The demo catalog: device model series (Office: Lumera MFPs and printers; Production:
 * Presstia presses) and the supply items of each series. Plain data, no randomness.
 */
type Family = 'office' | 'production';
export interface Model {
  code: string;
  name: string;
  family: Family;
}
interface Series {
  models: Model[];
  /** Toner colours: K only for mono. */
  colours: string[];
  extras: ('drum' | 'waste' | 'developer' | 'fuser' | 'colour-drum')[];
  tag: string;
  tonerPerCarton: number;
}

const COLOURS = ['K', 'C', 'M', 'Y'];
const COLOUR_NAMES: Record<string, string> = { K: 'black', C: 'cyan', M: 'magenta', Y: 'yellow' };

function office(code: string, name: string): Model {
  return { code, name, family: 'office' };
}
function production(code: string, name: string): Model {
  return { code, name, family: 'production' };
}

const SERIES: Series[] = [
  // Office colour MFPs
  {
    tag: 'C25',
    colours: COLOURS,
    extras: ['drum', 'waste'],
    tonerPerCarton: 4,
    models: [office('LM-C2525', 'Lumera C2525 MFP'), office('LM-C2530', 'Lumera C2530 MFP')],
  },
  {
    tag: 'C35',
    colours: COLOURS,
    extras: ['drum', 'waste'],
    tonerPerCarton: 4,
    models: [office('LM-C3035', 'Lumera C3035 MFP'), office('LM-C3540', 'Lumera C3540 MFP')],
  },
  {
    tag: 'C45',
    colours: COLOURS,
    extras: ['drum', 'waste'],
    tonerPerCarton: 4,
    models: [office('LM-C4540', 'Lumera C4540 MFP'), office('LM-C5560', 'Lumera C5560 MFP')],
  },
  {
    tag: 'C65',
    colours: COLOURS,
    extras: ['drum', 'waste'],
    tonerPerCarton: 2,
    models: [office('LM-C6570', 'Lumera C6570 MFP'), office('LM-C7580', 'Lumera C7580 MFP')],
  },
  // Office mono MFPs
  {
    tag: 'M30',
    colours: ['K'],
    extras: ['drum', 'waste'],
    tonerPerCarton: 6,
    models: [office('LM-M3035', 'Lumera M3035 MFP'), office('LM-M4045', 'Lumera M4045 MFP')],
  },
  {
    tag: 'M50',
    colours: ['K'],
    extras: ['drum', 'waste'],
    tonerPerCarton: 4,
    models: [office('LM-M5055', 'Lumera M5055 MFP'), office('LM-M6065', 'Lumera M6065 MFP')],
  },
  {
    tag: 'M70',
    colours: ['K'],
    extras: ['drum', 'waste'],
    tonerPerCarton: 2,
    models: [office('LM-M7075', 'Lumera M7075 MFP'), office('LM-M8085', 'Lumera M8085 MFP')],
  },
  // Office printers
  {
    tag: 'P20',
    colours: ['K'],
    extras: ['drum'],
    tonerPerCarton: 6,
    models: [
      office('LM-P2020', 'Lumera P2020 Printer'),
      office('LM-P2030', 'Lumera P2030 Printer'),
    ],
  },
  {
    tag: 'P30',
    colours: COLOURS,
    extras: ['waste'],
    tonerPerCarton: 4,
    models: [
      office('LM-P3040C', 'Lumera P3040c Colour Printer'),
      office('LM-P3050C', 'Lumera P3050c Colour Printer'),
    ],
  },
  {
    tag: 'P40',
    colours: ['K'],
    extras: [],
    tonerPerCarton: 4,
    models: [
      office('LM-P4050', 'Lumera P4050 Printer'),
      office('LM-P4060', 'Lumera P4060 Printer'),
    ],
  },
  // Production colour presses
  {
    tag: 'PC71',
    colours: COLOURS,
    extras: ['drum', 'colour-drum', 'developer', 'fuser', 'waste'],
    tonerPerCarton: 6,
    models: [
      production('PR-C7100', 'Presstia C7100 Colour Press'),
      production('PR-C7110', 'Presstia C7110 Colour Press'),
    ],
  },
  {
    tag: 'PC81',
    colours: COLOURS,
    extras: ['drum', 'colour-drum', 'fuser', 'waste'],
    tonerPerCarton: 6,
    models: [
      production('PR-C8100', 'Presstia C8100 Colour Press'),
      production('PR-C8110', 'Presstia C8110 Colour Press'),
    ],
  },
  {
    tag: 'PC91',
    colours: COLOURS,
    extras: ['drum', 'colour-drum', 'developer', 'fuser', 'waste'],
    tonerPerCarton: 6,
    models: [
      production('PR-C9100', 'Presstia C9100 Colour Press'),
      production('PR-C9110', 'Presstia C9110 Colour Press'),
    ],
  },
  // Production mono presses
  {
    tag: 'PM81',
    colours: ['K'],
    extras: ['drum', 'developer', 'fuser', 'waste'],
    tonerPerCarton: 6,
    models: [
      production('PR-M8120', 'Presstia M8120 Mono Press'),
      production('PR-M10135', 'Presstia M10135 Mono Press'),
    ],
  },
  {
    tag: 'PM12',
    colours: ['K'],
    extras: ['drum', 'developer', 'fuser', 'waste'],
    tonerPerCarton: 6,
    models: [
      production('PR-M12150', 'Presstia M12150 Mono Press'),
      production('PR-M15180', 'Presstia M15180 Mono Press'),
    ],
  },
];

export const MODELS = SERIES.flatMap((series) => series.models);

export interface Item {
  reorderNumber: string;
  description: string;
  kind: string;
  bottlesPerCarton: number;
  compatibleModels: string[];
}

function itemsOf(series: Series): Item[] {
  const codes = series.models.map((model) => model.code);
  const isProduction = series.models[0].family === 'production';
  const label = `${series.models.map((model) => model.name.replace(/ (MFP|Printer|Colour Printer|Colour Press|Mono Press)$/, '')).join(' / ')}`;
  const items: Item[] = series.colours.map((colour) => ({
    reorderNumber: `TN-${series.tag}${colour}`,
    description: `Toner ${isProduction ? 'bottle' : 'cartridge'}, ${COLOUR_NAMES[colour]} — ${label}`,
    kind: 'toner',
    bottlesPerCarton: series.tonerPerCarton,
    compatibleModels: codes,
  }));
  for (const extra of series.extras) {
    const item = {
      drum: {
        prefix: 'DR',
        what: series.colours.length > 1 ? 'Drum unit, black' : 'Drum unit',
        kind: 'drum',
        perCarton: 1,
      },
      'colour-drum': {
        prefix: 'DRC',
        what: 'Drum unit, colour (C/M/Y)',
        kind: 'drum',
        perCarton: 1,
      },
      developer: { prefix: 'DV', what: 'Developer unit', kind: 'developer', perCarton: 1 },
      fuser: { prefix: 'FU', what: 'Fuser unit', kind: 'fuser', perCarton: 1 },
      waste: {
        prefix: 'WT',
        what: 'Waste toner container',
        kind: 'waste-container',
        perCarton: isProduction ? 2 : 4,
      },
    }[extra];
    items.push({
      reorderNumber: `${item.prefix}-${series.tag}`,
      description: `${item.what} — ${label}`,
      kind: item.kind,
      bottlesPerCarton: item.perCarton,
      compatibleModels: codes,
    });
  }
  return items;
}

const MFPS = MODELS.filter((model) => model.name.endsWith('MFP')).map((model) => model.code);
const PRESSES = MODELS.filter((model) => model.family === 'production').map((model) => model.code);
export const ITEMS: Item[] = [
  ...SERIES.flatMap(itemsOf),
  {
    reorderNumber: 'SK-5000',
    description: 'Staple cartridge, 5,000 staples — finisher of Lumera MFPs',
    kind: 'staples',
    bottlesPerCarton: 3,
    compatibleModels: MFPS,
  },
  {
    reorderNumber: 'SK-5010',
    description: 'Staple cartridge, booklet finisher — Lumera MFPs',
    kind: 'staples',
    bottlesPerCarton: 2,
    compatibleModels: MFPS,
  },
  {
    reorderNumber: 'SK-8000',
    description: 'Staple cartridge, 5,000 staples — Presstia high-capacity stacker',
    kind: 'staples',
    bottlesPerCarton: 3,
    compatibleModels: PRESSES,
  },
];
