import { cpuSecondsByComponent } from '../pipeline/cpu-time';
import { cpuPerOrder, cpuSection } from './cpu-per-order';

describe('CPU per order', () => {
  it('sums the processes of each component and divides by the orders, the simulator and the load generator apart', () => {
    const before = {
      ordering: { component: 'ordering', seconds: 10 },
      'ordering-2': { component: 'ordering', seconds: 5 },
      ferretdb: { component: 'ferretdb', seconds: 100 },
      kafka: { component: 'kafka', seconds: 50 },
      'fulfilment-simulator': { component: 'fulfilment-simulator', seconds: 1 },
    };
    const after = {
      ordering: { component: 'ordering', seconds: 12 },
      'ordering-2': { component: 'ordering', seconds: 6 },
      ferretdb: { component: 'ferretdb', seconds: 104 },
      kafka: { component: 'kafka', seconds: 1 }, // restarted: not comparable
      'fulfilment-simulator': { component: 'fulfilment-simulator', seconds: 1.5 },
    };
    const used = cpuSecondsByComponent(before, after);
    expect(used).toEqual({ ordering: 3, ferretdb: 4, 'fulfilment-simulator': 0.5 });
    const cpu = cpuPerOrder(used, 2, 100);
    expect(cpu.stackMsPerOrder).toBe(70);
    expect(cpu.loadGeneratorMsPerOrder).toBe(20);
    // The simulator stands in for the warehouse: its own line, not in the stack's total.
    expect(cpu.simulatorMsPerOrder).toBe(5);
    expect(cpu.seconds).toEqual({ ordering: 3, ferretdb: 4 });
    const section = cpuSection(cpu);
    expect(section).toContain('| ferretdb | 4 | 40 |');
    expect(section).toContain('| **all the stack** | 7 | **70** |');
    expect(section).toContain("| fulfilment simulator (outside the stack's total) | | 5 |");
    expect(section).toContain('| load generator (the bench) | | 20 |');
  });
});
