import { RegistrationRequest } from '../../../tools/stack/src/demo/registration-flow';
import { uniqueTag } from './master-data.fixture';

/** A complete, valid registration request for a fresh address; override what a test varies. */
export function registrationRequest(
  serials: string[],
  overrides: Partial<RegistrationRequest> = {},
): RegistrationRequest {
  const tag = uniqueTag(8).toLowerCase();
  return {
    company: `Test Printing ${tag}`,
    contactName: 'Pat Example',
    email: `pat.${tag}@e2e.example.com`,
    phone: '+1 555 010 2030',
    country: 'US',
    shipTo: {
      line1: '100 Main Street',
      city: 'Rochester',
      state: 'NY',
      postalCode: '14604',
      country: 'US',
    },
    serials,
    ...overrides,
  };
}
