/**
 * What the ordering end-to-end suites share: the real stack through the gateway, customers
 * created through the real registration flow, a helpdesk agent, and order calls.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import {
  ApiAnswer,
  GatewayClient,
  LoginAnswer,
  pollUntil,
} from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { importTestDevices, TestDevices, uniqueTag } from '../registration/master-data.fixture';
import { registrationRequest } from '../registration/registration-request.fixture';
import { testStackEnv, useApps } from '../stack-env';

export const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
export const PASSWORD = 'Blue-Toner-Cartridge-42';

export interface CatalogSerial {
  serial: string;
  accountId: string;
  covered: boolean;
  contract: { contractId: string; endsOn: string } | null;
  items: { reorderNumber: string; bottlesPerCarton: number; maxQuantity: number }[];
  helpdesk: { phone: string; prompts: number[] };
}

export interface OrderView {
  orderId: string;
  orderNumber: string;
  accountId: string;
  serial: string;
  status: string;
  channel: string;
  shippingMethod: string;
  rows: {
    reorderNumber: string;
    quantity: number;
    fullCartonsOnsite: number;
    bottlesOnsite: number;
  }[];
  history: { status: string; at: string; by: string }[];
  holdReason?: string;
  heldRows?: object[];
  shipment?: { carrier: string; trackingNumber: string };
}

export interface Customer {
  token: string;
  userId: string;
  accountId: string;
  email: string;
  company: string;
  devices: TestDevices;
  catalog: CatalogSerial[];
}

export interface OrderBody {
  serial: string;
  rows: {
    reorderNumber: string;
    fullCartonsOnsite: number;
    bottlesOnsite: number;
    quantity: number;
  }[];
  shippingMethod?: string;
  accountId?: string;
}

export class OrderingHarness {
  gateway!: GatewayClient;
  mail!: MailCapture;
  flow!: RegistrationFlow;
  adminToken!: string;

  async start(): Promise<void> {
    const urls = await useApps(SERVICE_NAMES);
    this.gateway = new GatewayClient(urls.gateway);
    this.mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    this.flow = new RegistrationFlow(this.gateway, this.mail);
    this.adminToken = (await this.login(ADMIN.email, ADMIN.password)).accessToken;
  }

  async login(email: string, password: string): Promise<LoginAnswer> {
    return this.gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: { email, password } });
  }

  /** A customer registered, approved and activated for real, whose serials ordering knows. */
  async customer(eligibleCount = 2): Promise<Customer> {
    const devices = await importTestDevices(this.gateway, this.adminToken, eligibleCount);
    const request = registrationRequest(devices.eligible);
    const accountId = await this.flow.registerApproveAndActivate(
      this.adminToken,
      request,
      PASSWORD,
    );
    const login = await this.login(request.email, PASSWORD);
    const catalog = await this.waitForCatalog(
      login.accessToken,
      (items) => items.length >= eligibleCount,
    );
    return {
      token: login.accessToken,
      userId: login.user.userId,
      accountId,
      email: request.email,
      company: request.company,
      devices,
      catalog,
    };
  }

  /** A helpdesk agent created by the admin, password set from the emailed link. */
  async helpdeskAgent(): Promise<LoginAnswer> {
    const email = `agent.${uniqueTag(8).toLowerCase()}@e2e.example.com`;
    await this.gateway.expect(201, '/api/users', {
      token: this.adminToken,
      body: { email, name: 'Hal Helpdesk', roles: ['helpdesk'], country: 'US' },
    });
    await this.flow.setPasswordFromEmail(email, PASSWORD);
    return this.login(email, PASSWORD);
  }

  async catalog(token: string, query = ''): Promise<ApiAnswer<{ items: CatalogSerial[] }>> {
    return this.gateway.call<{ items: CatalogSerial[] }>(`/api/orders/catalog/serials${query}`, {
      token,
    });
  }

  /** Polls the catalog until `done` holds: ordering learns of serials by events. */
  async waitForCatalog(
    token: string,
    done: (items: CatalogSerial[]) => boolean,
    timeoutMs = 45000,
  ): Promise<CatalogSerial[]> {
    const answer = await pollUntil(
      () => this.catalog(token),
      (a) => a.status === 200 && done(a.body.items),
      { timeoutMs, intervalMs: 500 },
    );
    if (answer.status !== 200 || !done(answer.body.items)) {
      throw new Error(
        `catalog never got there: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`,
      );
    }
    return answer.body.items;
  }

  place(
    token: string,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<ApiAnswer<OrderView & ErrorBody>> {
    return this.gateway.call<OrderView & ErrorBody>('/api/orders', {
      token,
      body,
      headers: idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey },
    });
  }

  /**
   * A placed order the pages can show: one carton of the customer's item for its first
   * eligible serial, nothing onsite. Returns its id; anything but 201 fails the setup.
   */
  async placeOneCarton(customer: Customer): Promise<string> {
    const answer = await this.place(customer.token, {
      serial: customer.devices.eligible[0],
      rows: [
        {
          reorderNumber: customer.devices.reorderNumber,
          fullCartonsOnsite: 0,
          bottlesOnsite: 0,
          quantity: 1,
        },
      ],
    });
    if (answer.status !== 201)
      throw new Error(`the setup order answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.orderId;
  }

  async order(token: string, ref: string): Promise<ApiAnswer<OrderView>> {
    return this.gateway.call<OrderView>(`/api/orders/${ref}`, { token });
  }

  async orders(
    token: string,
    query = '',
  ): Promise<{ items: OrderView[]; nextCursor: string | null }> {
    return this.gateway.expect(200, `/api/orders${query}`, { token });
  }

  async waitForStatus(
    token: string,
    orderId: string,
    status: string,
    timeoutMs = 45000,
  ): Promise<OrderView> {
    const answer = await pollUntil(
      () => this.order(token, orderId),
      (a) => a.status === 200 && a.body.status === status,
      { timeoutMs, intervalMs: 500 },
    );
    if (answer.body.status !== status) {
      throw new Error(`order ${orderId} is ${answer.body.status}, expected ${status}`);
    }
    return answer.body;
  }

  /** Imports a contract row for a serial (admin), e.g. one that has ended. */
  async importContract(
    serial: string,
    row: { contractId: string; status: string; startsOn: string; endsOn: string },
  ) {
    await this.gateway.expect(200, '/api/master-data/imports', {
      token: this.adminToken,
      body: { kind: 'contracts', format: 'json', content: JSON.stringify([{ ...row, serial }]) },
    });
  }
}

export interface ErrorBody {
  statusCode: number;
  message: string;
  code?: string;
  errors?: { field: string; reason: string }[];
}

/** A standard row of the customer's first item: one bottle onsite (or `bottlesOnsite`). */
export function simpleOrder(
  customer: Customer,
  serialIndex = 0,
  quantity = 2,
  bottlesOnsite = 1,
): OrderBody {
  const serial = customer.catalog[serialIndex];
  return {
    serial: serial.serial,
    rows: [
      {
        reorderNumber: serial.items[0].reorderNumber,
        fullCartonsOnsite: 0,
        bottlesOnsite,
        quantity,
      },
    ],
  };
}

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
