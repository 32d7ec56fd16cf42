/** What a device model prints and reports: the simulator's catalogue. */
export interface SupplyModel {
  supplyId: string;
  description: string;
  reorderNumber: string;
  colorant: string;
  /** Pages a full cartridge prints at 5 % coverage (ISO/IEC 19752 style rated yield). */
  ratedYield: number;
  /** RFC 3805 prtMarkerSuppliesMaxCapacity as the device reports it. */
  maxCapacity: number;
  /** The device reports its level in steps of this many units (1 = fine, 10 = tenths). */
  step: number;
}

export interface DeviceModel {
  id: string;
  name: string;
  colour: boolean;
  /** Median pages on a working day for a typical office. */
  pagesPerWorkday: number;
  /** Weekend pages as a share of a working day. */
  weekendShare: number;
  /** Share of colour pages (colour models). */
  colourShare: number;
  supplies: SupplyModel[];
}

const toner = (
  colorant: string,
  reorderNumber: string,
  ratedYield: number,
  maxCapacity = 100,
  step = 1,
): SupplyModel => ({
  supplyId: colorant,
  description: `${colorant[0].toUpperCase()}${colorant.slice(1)} Toner Cartridge`,
  reorderNumber,
  colorant,
  ratedYield,
  maxCapacity,
  step,
});

export const DEVICE_MODELS: readonly DeviceModel[] = [
  {
    id: 'mono-a4-small',
    name: 'ECOSYS P2040dn',
    colour: false,
    pagesPerWorkday: 60,
    weekendShare: 0.05,
    colourShare: 0,
    supplies: [toner('black', 'TK-1160', 7200)],
  },
  {
    id: 'mono-a4-workgroup',
    name: 'ECOSYS M3655idn',
    colour: false,
    pagesPerWorkday: 260,
    weekendShare: 0.1,
    colourShare: 0,
    supplies: [toner('black', 'TK-3190', 25000, 100, 10)],
  },
  {
    id: 'colour-a4-mfp',
    name: 'ECOSYS M5526cdw',
    colour: true,
    pagesPerWorkday: 90,
    weekendShare: 0.05,
    colourShare: 0.3,
    supplies: [
      toner('black', 'TK-5240K', 4000),
      toner('cyan', 'TK-5240C', 3000),
      toner('magenta', 'TK-5240M', 3000),
      toner('yellow', 'TK-5240Y', 3000),
    ],
  },
  {
    id: 'colour-a3-mfp',
    name: 'TASKalfa 2553ci',
    colour: true,
    pagesPerWorkday: 400,
    weekendShare: 0.15,
    colourShare: 0.35,
    supplies: [
      toner('black', 'TK-8345K', 20000, 20000, 200),
      toner('cyan', 'TK-8345C', 12000, 12000, 120),
      toner('magenta', 'TK-8345M', 12000, 12000, 120),
      toner('yellow', 'TK-8345Y', 12000, 12000, 120),
    ],
  },
];

export function modelById(id: string): DeviceModel {
  const model = DEVICE_MODELS.find((candidate) => candidate.id === id);
  if (!model)
    throw new Error(
      `unknown device model ${id} (known: ${DEVICE_MODELS.map((m) => m.id).join(', ')})`,
    );
  return model;
}
