import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DEVICE_STATE_MODEL } from '../../derivation/persistence/device-state.schema';

/** A device's last counted reading: when (ISO, '' if never) and its total pages. */
export interface LastCounter {
  at: string;
  total?: number;
}

interface CounterState {
  _id: string;
  lastReadAt?: Date;
  lastTotalPages?: number;
}

/** The last counters ingest compares new readings with (from derivation's device states). */
export abstract class LastCountersRepository {
  /** By serial; devices without a state are absent. No serials, no command. */
  abstract find(serials: readonly string[]): Promise<Map<string, LastCounter>>;
}

@Injectable()
export class MongoLastCountersRepository extends LastCountersRepository {
  constructor(@InjectModel(DEVICE_STATE_MODEL) private readonly states: Model<CounterState>) {
    super();
  }

  async find(serials: readonly string[]): Promise<Map<string, LastCounter>> {
    if (serials.length === 0) return new Map();
    const states = await this.states
      .find({ _id: { $in: [...serials] } }, { lastReadAt: 1, lastTotalPages: 1 })
      .lean<CounterState[]>()
      .exec();
    return new Map(
      states.map((state) => [
        state._id,
        { at: state.lastReadAt?.toISOString() ?? '', total: state.lastTotalPages },
      ]),
    );
  }
}
