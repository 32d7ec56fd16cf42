import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@metered/auth';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { AccountDevicesController } from './account-devices/account-devices.controller';
import { AccountDevicesService } from './account-devices/account-devices.service';
import { DeviceItemsService } from './account-devices/device-items.service';
import { AccountRequestDecisionsService } from './account-requests/account-request-decisions.service';
import { AccountRequestsController } from './account-requests/account-requests.controller';
import { AccountRequestsService } from './account-requests/account-requests.service';
import {
  ACCOUNT_REQUEST,
  ACCOUNT_REQUESTS_COLLECTION,
  AccountRequestSchema,
} from './account-requests/persistence/account-request.schema';
import { AccountRequestsRepository } from './account-requests/persistence/account-requests.repository';
import { AccountLinkingService } from './accounts/account-linking.service';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { ACCOUNT, ACCOUNTS_COLLECTION, AccountSchema } from './accounts/persistence/account.schema';
import { AccountsRepository } from './accounts/persistence/accounts.repository';
import { DeviceModelsController } from './device-models/device-models.controller';
import { DEVICE_MODEL, DeviceModelSchema } from './device-models/persistence/device-model.schema';
import { DeviceModelsService } from './device-models/device-models.service';
import {
  DeviceModelsRepository,
  MongoDeviceModelsRepository,
} from './device-models/persistence/device-models.repository';
import { DevicesController } from './devices/devices.controller';
import { DevicesService } from './devices/devices.service';
import { DEVICE, DEVICES_COLLECTION, DeviceSchema } from './devices/persistence/device.schema';
import { DevicesRepository } from './devices/persistence/devices.repository';
import { ContractsImporter } from './master-data/importers/contracts.importer';
import { DeviceModelsImporter } from './master-data/importers/device-models.importer';
import { DevicesImporter } from './master-data/importers/devices.importer';
import { SupplyItemsImporter } from './master-data/importers/supply-items.importer';
import { MasterDataController } from './master-data/master-data.controller';
import { MasterDataService } from './master-data/master-data.service';
import { RegistrationEvents } from './registrations/registration.events';
import {
  SERIAL_CHECK,
  SERIAL_CHECKS_COLLECTION,
  SerialCheckSchema,
} from './serial-checks/persistence/serial-check.schema';
import {
  MongoSerialChecksRepository,
  SerialChecksRepository,
} from './serial-checks/persistence/serial-checks.repository';
import { SerialChecksService } from './serial-checks/serial-checks.service';
import { SUPPLY_ITEM, SupplyItemSchema } from './supply-items/persistence/supply-item.schema';
import {
  MongoSupplyItemsRepository,
  SupplyItemsRepository,
} from './supply-items/persistence/supply-items.repository';
import { SupplyItemsController } from './supply-items/supply-items.controller';
import { SupplyItemsService } from './supply-items/supply-items.service';

/** Devices, contracts, the supply catalog and which serials belong to which account. */
@Module({
  imports: [
    ServiceKitModule.forService('registry'),
    AuthModule.forService('registry'),
    MongooseModule.forFeature([
      { name: DEVICE_MODEL, schema: DeviceModelSchema },
      { name: SUPPLY_ITEM, schema: SupplyItemSchema },
      { name: DEVICE, schema: DeviceSchema },
      { name: ACCOUNT, schema: AccountSchema },
      { name: SERIAL_CHECK, schema: SerialCheckSchema },
      { name: ACCOUNT_REQUEST, schema: AccountRequestSchema },
    ]),
    EventPlatformModule.forRoot({
      service: 'registry',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
      // The documents that publish: devices (SerialAdded, ContractChanged, items…), serial
      // checks, accounts (ShipToAddressChanged) and customers' requests.
      outboxCollections: [
        DEVICES_COLLECTION,
        SERIAL_CHECKS_COLLECTION,
        ACCOUNTS_COLLECTION,
        ACCOUNT_REQUESTS_COLLECTION,
      ],
    }),
  ],
  controllers: [
    MasterDataController,
    DeviceModelsController,
    SupplyItemsController,
    DevicesController,
    AccountsController,
    AccountDevicesController,
    AccountRequestsController,
    RegistrationEvents,
  ],
  providers: [
    { provide: DeviceModelsRepository, useClass: MongoDeviceModelsRepository },
    { provide: SupplyItemsRepository, useClass: MongoSupplyItemsRepository },
    { provide: SerialChecksRepository, useClass: MongoSerialChecksRepository },
    DevicesRepository,
    AccountsRepository,
    DeviceModelsImporter,
    SupplyItemsImporter,
    DevicesImporter,
    ContractsImporter,
    MasterDataService,
    DeviceModelsService,
    SupplyItemsService,
    DevicesService,
    AccountsService,
    SerialChecksService,
    AccountLinkingService,
    DeviceItemsService,
    AccountDevicesService,
    AccountRequestsRepository,
    AccountRequestsService,
    AccountRequestDecisionsService,
  ],
})
export class RegistryModule {}
