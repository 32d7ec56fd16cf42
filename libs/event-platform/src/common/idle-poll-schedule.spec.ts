import { IdlePollSchedule } from './idle-poll-schedule';

describe('IdlePollSchedule', () => {
  it('doubles the wait after each poll that found nothing, up to the safety poll', () => {
    const schedule = new IdlePollSchedule(200, 3000);
    const waits = Array.from({ length: 7 }, () => schedule.quiet());
    expect(waits).toEqual([200, 400, 800, 1600, 3000, 3000, 3000]);
  });

  it('goes back to the active interval as soon as there is work', () => {
    const schedule = new IdlePollSchedule(200, 30000);
    for (let i = 0; i < 10; i++) schedule.quiet();
    expect(schedule.busy()).toBe(200);
    expect(schedule.quiet()).toBe(200);
    expect(schedule.quiet()).toBe(400);
  });

  it('polls at one steady interval when both are the same', () => {
    const schedule = new IdlePollSchedule(1000, 1000);
    expect([schedule.quiet(), schedule.quiet(), schedule.quiet()]).toEqual([1000, 1000, 1000]);
  });

  it('refuses a safety poll shorter than the active interval', () => {
    expect(() => new IdlePollSchedule(500, 100)).toThrow(/idle maximum/);
    expect(() => new IdlePollSchedule(0, 100)).toThrow(/active/);
  });
});
