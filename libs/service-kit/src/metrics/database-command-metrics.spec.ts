import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import type { Connection } from 'mongoose';
import { CorrelationContext } from '@metered/events-core';
import {
  collectionOfCommand,
  countDatabaseCommands,
  currentCommandContext,
  databaseCommandContextMiddleware,
  databaseCommandMetricsEnabled,
  documentsOfCommand,
} from './database-command-metrics';
import { databaseCommandDocuments, databaseCommands } from './platform-metrics';

const count = async (labels: Record<string, string>) =>
  (await databaseCommands.get()).values.find((v) =>
    Object.entries(labels).every(
      ([k, value]) => (v.labels as Record<string, unknown>)[k] === value,
    ),
  )?.value ?? 0;

describe('the database command counter', () => {
  beforeEach(() => {
    databaseCommands.reset();
    databaseCommandDocuments.reset();
  });

  it('names the collection a command works on, `-` for none', () => {
    expect(collectionOfCommand('find', { find: 'orders', filter: {} })).toBe('orders');
    expect(collectionOfCommand('insert', { insert: 'outbox', documents: [] })).toBe('outbox');
    expect(collectionOfCommand('getMore', { getMore: 12, collection: 'emails' })).toBe('emails');
    expect(collectionOfCommand('aggregate', { aggregate: 1, pipeline: [] })).toBe('-');
    expect(collectionOfCommand('endSessions', { endSessions: [] })).toBe('-');
  });

  it('takes the batch size of a write from its documents or statements', () => {
    expect(documentsOfCommand({ insert: 'x', documents: [{}, {}] })).toBe(2);
    expect(documentsOfCommand({ update: 'x', updates: [{}] })).toBe(1);
    expect(documentsOfCommand({ delete: 'x', deletes: [{}, {}, {}] })).toBe(3);
    expect(documentsOfCommand({ find: 'x' })).toBe(0);
  });

  it('tells a request before its answer from work it left running, events and background', () => {
    expect(currentCommandContext()).toBe('background');
    CorrelationContext.run({ correlationId: 'c', causationId: 'e', eventId: 'e' }, () =>
      expect(currentCommandContext()).toBe('event'),
    );
    const response = new EventEmitter() as unknown as Response;
    const seen: string[] = [];
    databaseCommandContextMiddleware({} as Request, response, (() => {
      seen.push(currentCommandContext());
      setImmediate(() => seen.push(currentCommandContext()));
    }) as NextFunction);
    (response as unknown as EventEmitter).emit('finish');
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(seen).toEqual(['request', 'after-response']);
        resolve();
      }),
    );
  });

  it('counts each started command by collection, command and context', async () => {
    const client = new EventEmitter();
    const connection = { getClient: () => client } as unknown as Connection;
    expect(countDatabaseCommands(connection)).toBe(connection);
    client.emit('commandStarted', { commandName: 'find', command: { find: 'orders' } });
    client.emit('commandStarted', { commandName: 'find', command: { find: 'orders' } });
    client.emit('commandStarted', {
      commandName: 'insert',
      command: { insert: 'emails', documents: [{}, {}, {}] },
    });
    CorrelationContext.run({ correlationId: 'c', causationId: 'e', eventId: 'e' }, () =>
      client.emit('commandStarted', { commandName: 'insert', command: { insert: 'inbox' } }),
    );
    expect(await count({ collection: 'orders', command: 'find', context: 'background' })).toBe(2);
    expect(await count({ collection: 'inbox', command: 'insert', context: 'event' })).toBe(1);
    const documents = (await databaseCommandDocuments.get()).values;
    // the inbox insert above carries no documents: no batch size to count
    expect(documents).toEqual([{ labels: { collection: 'emails', command: 'insert' }, value: 3 }]);
  });

  it('is on unless DB_COMMAND_METRICS=off', () => {
    expect(databaseCommandMetricsEnabled({})).toBe(true);
    expect(databaseCommandMetricsEnabled({ DB_COMMAND_METRICS: 'off' })).toBe(false);
  });
});
