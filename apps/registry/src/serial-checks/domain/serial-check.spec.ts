import type { Contract } from '../../contracts/domain/contract';
import type { DeviceModel } from '../../device-models/domain/device-model';
import type { Device } from '../../devices/domain/device';
import { BUY_ELSEWHERE, checkSerial, checkSerials } from './serial-check';

const today = '2026-11-27';
const model: DeviceModel = { code: 'LM-C3540', name: 'Lumera C3540 MFP', family: 'office' };
const active: Contract = {
  contractId: 'MS-100',
  serial: 'SERIAL0001',
  status: 'active',
  startsOn: '2025-01-01',
  endsOn: '2028-12-31',
};

function device(overrides: Partial<Device> = {}): Device {
  return {
    serial: 'SERIAL0001',
    modelCode: model.code,
    country: 'US',
    contracts: [active],
    extraSupplyItems: [],
    removedSupplyItems: [],
    ...overrides,
  };
}

describe('serial checks for a registration', () => {
  it('finds an unknown serial', () => {
    const result = checkSerial({ serial: 'NOSUCH0001' }, 'US', today);
    expect(result).toMatchObject({ serial: 'NOSUCH0001', outcome: 'unknown-serial' });
    expect(result.model).toBeUndefined();
  });

  it('tells a device without any contract to buy from the store or a partner', () => {
    const result = checkSerial(
      { serial: 'SERIAL0001', device: device({ contracts: [] }), model },
      'US',
      today,
    );
    expect(result.outcome).toBe('no-active-contract');
    expect(result.message).toContain(BUY_ELSEWHERE);
    expect(result.model).toEqual(model);
    expect(result.contract).toBeUndefined();
  });

  it('refuses a device whose contract has expired and names that contract', () => {
    const expired = { ...active, endsOn: '2026-06-30' };
    const result = checkSerial(
      { serial: 'SERIAL0001', device: device({ contracts: [expired] }), model },
      'US',
      today,
    );
    expect(result).toMatchObject({ outcome: 'no-active-contract', contract: expired });
  });

  it('refuses a device already linked to an account', () => {
    const linked = device({ accountId: '6f1c1d5e-8a7b-4b8e-9d55-0a1b2c3d4e5f' });
    expect(checkSerial({ serial: 'SERIAL0001', device: linked, model }, 'US', today).outcome).toBe(
      'already-registered',
    );
  });

  it('refuses a device installed in another country', () => {
    const result = checkSerial(
      { serial: 'SERIAL0001', device: device({ country: 'DE' }), model },
      'US',
      today,
    );
    expect(result.outcome).toBe('other-country');
    expect(result.message).toContain('DE');
  });

  it('accepts a covered, unlinked device of the same country with its model and contract', () => {
    const result = checkSerial({ serial: 'SERIAL0001', device: device(), model }, 'US', today);
    expect(result).toEqual({
      serial: 'SERIAL0001',
      outcome: 'eligible',
      message: expect.stringContaining('MS-100'),
      model,
      contract: active,
    });
  });

  it('reports the contract problem first when a device fails several rules', () => {
    const everythingWrong = device({ contracts: [], accountId: 'x', country: 'DE' });
    expect(
      checkSerial({ serial: 'SERIAL0001', device: everythingWrong, model }, 'US', today).outcome,
    ).toBe('no-active-contract');
  });

  it('is all eligible only when every serial passes', () => {
    const good = { serial: 'SERIAL0001', device: device(), model };
    expect(checkSerials([good], 'US', today).allEligible).toBe(true);
    expect(checkSerials([good, { serial: 'NOSUCH0001' }], 'US', today)).toMatchObject({
      allEligible: false,
      results: [{ outcome: 'eligible' }, { outcome: 'unknown-serial' }],
    });
  });
});
