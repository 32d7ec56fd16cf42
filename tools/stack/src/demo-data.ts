import { InfraUrls } from './settings';

export interface DemoEnv extends InfraUrls {
  MONGO_DB_PREFIX: string;
  /** Where the gateway answers, e.g. http://127.0.0.1:3000. */
  GATEWAY_URL: string;
}

/**
 * Seeds demo accounts, devices and orders after `up --demo` (`npm start`) once the apps are
 * healthy. Must be idempotent: it runs on every `npm start`.
 */
export async function loadDemoData(env: DemoEnv): Promise<void> {
  void env;
  console.log('demo data: none yet');
}
