import { EventCatalog, EventDefinition } from '@metered/events-core';
import {
  MachinesRequestDecidedEvent,
  MachinesRequestedEvent,
  SupplyItemRequestDecidedEvent,
  SupplyItemRequestedEvent,
} from './events/account-requests/account-request.events';
import { SerialRemovedEvent } from './events/serial-removed/serial-removed.event';
import { ShipToAddressChangedEvent } from './events/ship-to-address-changed/ship-to-address-changed.event';
import { StaffActionRecordedEvent } from './events/staff-action-recorded/staff-action-recorded.event';
import {
  SupplyItemAddedEvent,
  SupplyItemRemovedEvent,
} from './events/supply-item-changed/supply-item-changed.events';
import { ContractChangedEvent } from './events/contract-changed/contract-changed.event';
import {
  OrderCancelledEvent,
  OrderDeliveredEvent,
  OrderHeldEvent,
  OrderPlacedEvent,
  OrderReleasedEvent,
  OrderShippedEvent,
} from './events/order/order-events';
import { ShipmentDeliveredEvent, ShipmentDispatchedEvent } from './events/shipment/shipment-events';
import { EmailFailedEvent } from './events/email-failed/email-failed.event';
import { EmailSentEvent } from './events/email-sent/email-sent.event';
import {
  LoginDetailsIssuedEvent,
  LoginDetailsIssuedV2Event,
} from './events/login-details-issued/login-details-issued.event';
import { PasswordChangedEvent } from './events/password-changed/password-changed.event';
import {
  PasswordResetRequestedEvent,
  PasswordResetRequestedV2Event,
} from './events/password-reset-requested/password-reset-requested.event';
import { PlatformProbeRecordedEvent } from './events/platform-probe-recorded/platform-probe-recorded.event';
import { RegistrationApprovedEvent } from './events/registration-approved/registration-approved.event';
import { RegistrationRejectedEvent } from './events/registration-rejected/registration-rejected.event';
import { RegistrationRequestedEvent } from './events/registration-requested/registration-requested.event';
import { SerialAddedEvent } from './events/serial-added/serial-added.event';
import { SerialsValidatedEvent } from './events/serials-validated/serials-validated.event';
import { SessionRevokedEvent } from './events/session-revoked/session-revoked.event';
import { SessionStartedEvent } from './events/session-started/session-started.event';
import { UserActivatedEvent } from './events/user-activated/user-activated.event';
import { TELEMETRY_EVENTS } from './events/telemetry/telemetry-events';

/** Every event version of the platform. A new event (or version) is added here. */
export const ALL_EVENTS: readonly EventDefinition[] = [
  PlatformProbeRecordedEvent,
  RegistrationRequestedEvent,
  RegistrationApprovedEvent,
  RegistrationRejectedEvent,
  LoginDetailsIssuedEvent,
  LoginDetailsIssuedV2Event,
  PasswordResetRequestedEvent,
  PasswordResetRequestedV2Event,
  PasswordChangedEvent,
  UserActivatedEvent,
  SessionRevokedEvent,
  SessionStartedEvent,
  SerialsValidatedEvent,
  SerialAddedEvent,
  ContractChangedEvent,
  SerialRemovedEvent,
  SupplyItemAddedEvent,
  SupplyItemRemovedEvent,
  ShipToAddressChangedEvent,
  MachinesRequestedEvent,
  MachinesRequestDecidedEvent,
  SupplyItemRequestedEvent,
  SupplyItemRequestDecidedEvent,
  StaffActionRecordedEvent,
  EmailSentEvent,
  EmailFailedEvent,
  OrderPlacedEvent,
  OrderHeldEvent,
  OrderReleasedEvent,
  OrderCancelledEvent,
  OrderShippedEvent,
  OrderDeliveredEvent,
  ShipmentDispatchedEvent,
  ShipmentDeliveredEvent,
  ...TELEMETRY_EVENTS,
] as EventDefinition[];

/** The catalog services hand to `EventPlatformModule.forRoot({ catalog })`. */
export const contractsCatalog = new EventCatalog(ALL_EVENTS);
