import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERIAL_CHECK_OUTCOMES } from '@metered/contracts';
import { REGISTRATION_STATUSES, Registration, RegistrationStatus } from '../domain/registration';
import { ShipToAddressDto } from './ship-to-address.dto';

class DeviceModelView {
  @ApiProperty({ example: 'VL-C405' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['office', 'production'] }) family: string;
}

class ContractView {
  @ApiProperty() contractId: string;
  @ApiProperty({ enum: ['active', 'suspended', 'terminated'] }) status: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}

export class SerialCheckView {
  @ApiProperty() serial: string;
  @ApiProperty({ enum: SERIAL_CHECK_OUTCOMES }) outcome: string;
  @ApiProperty({ description: 'what to tell the person' }) message: string;
  @ApiPropertyOptional({ type: DeviceModelView }) model?: DeviceModelView;
  @ApiPropertyOptional({ type: ContractView }) contract?: ContractView;
}

export class RegistrationChecksView {
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty() allEligible: boolean;
  @ApiProperty({ type: [SerialCheckView] }) results: SerialCheckView[];
}

export class RegistrationDecisionView {
  @ApiProperty({ description: "the validator's user id" }) decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiPropertyOptional({ description: 'rejections' }) reason?: string;
  @ApiPropertyOptional({ type: [String], description: 'approvals' }) approvedSerials?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'approvals' }) accountId?: string;
}

/** A registration request as validators see it. */
export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() company: string;
  @ApiProperty() contactName: string;
  @ApiProperty() email: string;
  @ApiProperty() phone: string;
  @ApiProperty() country: string;
  @ApiProperty({ type: ShipToAddressDto }) shipTo: ShipToAddressDto;
  @ApiProperty({ type: [String] }) serials: string[];
  @ApiProperty({ type: RegistrationChecksView, nullable: true })
  checks: RegistrationChecksView | null;
  @ApiProperty({ type: RegistrationDecisionView, nullable: true })
  decision: RegistrationDecisionView | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;

  static from(registration: Registration): RegistrationResponse {
    const { checks, decision } = registration;
    return {
      registrationId: registration.id,
      status: registration.status,
      company: registration.company,
      contactName: registration.contactName,
      email: registration.email,
      phone: registration.phone,
      country: registration.country,
      shipTo: registration.shipTo,
      serials: registration.serials,
      checks: checks ? { ...checks, checkedAt: checks.checkedAt.toISOString() } : null,
      decision: decision ? { ...decision, decidedAt: decision.decidedAt.toISOString() } : null,
      requestedAt: registration.requestedAt.toISOString(),
    };
  }
}

export class RegistrationListResponse {
  @ApiProperty({ type: [RegistrationResponse], description: 'newest first' })
  items: RegistrationResponse[];
}

export class RegistrationAcceptedResponse {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES, example: 'awaiting-checks' })
  status: RegistrationStatus;
}
