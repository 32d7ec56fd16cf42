export * from './simulate';
export * from './models';
export { Random } from './random';
