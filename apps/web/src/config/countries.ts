// The country list is shared with the services (registration checks the same codes).
export * from '../../../../libs/contracts/src/reference/countries';
