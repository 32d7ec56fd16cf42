/** DI tokens for configuration values shared by every service. */
export const INFRASTRUCTURE_CONFIG = Symbol('INFRASTRUCTURE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
