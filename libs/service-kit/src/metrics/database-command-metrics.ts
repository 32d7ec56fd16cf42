import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Connection } from 'mongoose';
import { CorrelationContext } from '@metered/events-core';
import { databaseCommandDocuments, databaseCommands } from './platform-metrics';

export type CommandContext = 'request' | 'after-response' | 'event' | 'background';

/** Whether the HTTP request the current work belongs to has been answered. */
const requestState = new AsyncLocalStorage<{ answered: boolean }>();

/**
 * Opens the request context `db_commands_total` reads: commands sent before the response is
 * finished count as `request`, those sent later by work the request started (a woken relay,
 * a promise left running) as `after-response`.
 */
export function databaseCommandContextMiddleware(
  _request: Request,
  response: Response,
  next: NextFunction,
) {
  const state = { answered: false };
  const answered = () => {
    state.answered = true;
  };
  response.once('finish', answered);
  response.once('close', answered);
  requestState.run(state, next);
}

/** The context a command sent right now is counted in. */
export function currentCommandContext(): CommandContext {
  const request = requestState.getStore();
  if (request) return request.answered ? 'after-response' : 'request';
  return CorrelationContext.current()?.eventId ? 'event' : 'background';
}

/** The collection a command works on (`find: 'orders'`, `getMore`'s `collection`), else `-`. */
export function collectionOfCommand(commandName: string, command: Record<string, unknown>): string {
  const target = commandName === 'getMore' ? command.collection : command[commandName];
  return typeof target === 'string' && target !== '' ? target : '-';
}

/** How many documents or statements a write command carries (its batch size), else 0. */
export function documentsOfCommand(command: Record<string, unknown>): number {
  for (const field of ['documents', 'updates', 'deletes', 'ops']) {
    const list = command[field];
    if (Array.isArray(list)) return list.length;
  }
  return 0;
}

/**
 * Counts every command of a connection opened with `monitorCommands: true` into
 * `db_commands_total{collection,command,context}`, and the documents its writes carry into
 * `db_command_documents_total{collection,command}`. Returns the connection (mongoose's
 * `connectionFactory` shape).
 */
export function countDatabaseCommands(connection: Connection): Connection {
  connection.getClient().on('commandStarted', (event) => {
    const collection = collectionOfCommand(event.commandName, event.command);
    databaseCommands.inc({
      collection,
      command: event.commandName,
      context: currentCommandContext(),
    });
    const documents = documentsOfCommand(event.command);
    if (documents > 0)
      databaseCommandDocuments.inc({ collection, command: event.commandName }, documents);
  });
  return connection;
}

/** `DB_COMMAND_METRICS=off` turns the driver's command monitoring (and the counter) off. */
export function databaseCommandMetricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DB_COMMAND_METRICS !== 'off';
}
