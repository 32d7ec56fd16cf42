import { GatewayClient, pollUntil } from './gateway-client';
import { linkIn, MailCapture, tokenOf } from './mail-capture';

/** What the public API answers for a registration (docs/api.md). */
export interface RegistrationView {
  registrationId: string;
  status: 'awaiting-checks' | 'pending-review' | 'approved' | 'rejected';
  email: string;
  serials: string[];
  checks: {
    checkedAt: string;
    allEligible: boolean;
    results: { serial: string; outcome: string; message: string }[];
  } | null;
  decision: {
    decidedBy: string;
    decidedAt: string;
    reason?: string;
    approvedSerials?: string[];
    accountId?: string;
  } | null;
}

export interface RegistrationRequest {
  company: string;
  contactName: string;
  email: string;
  phone: string;
  country: string;
  shipTo: Record<string, string>;
  serials: string[];
}

/** Subjects of the emails the flow waits for (notifications' templates). */
export const MAIL_SUBJECTS = {
  loginDetails: /login details/i,
  passwordReset: /reset/i,
  registrationReceived: /received/i,
  registrationRejected: /registration/i,
};

/**
 * The steps of registration as people take them, over the public API: a person registers,
 * the registry checks the serials, a validator decides, the person sets a password from the
 * emailed link. Used by the demo loader and the end-to-end tests alike.
 */
export class RegistrationFlow {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly mail: MailCapture,
  ) {}

  async register(request: RegistrationRequest): Promise<string> {
    const body = await this.gateway.expect<{ registrationId: string }>(202, '/api/registrations', {
      body: request,
    });
    return body.registrationId;
  }

  async get(token: string, registrationId: string): Promise<RegistrationView> {
    return this.gateway.expect<RegistrationView>(200, `/api/registrations/${registrationId}`, {
      token,
    });
  }

  /** Waits until the registry's checks are in (status pending-review). */
  async waitForChecks(token: string, registrationId: string): Promise<RegistrationView> {
    const view = await pollUntil(
      () => this.get(token, registrationId),
      (registration) => registration.status !== 'awaiting-checks',
      { timeoutMs: 45000, intervalMs: 500 },
    );
    if (view.status === 'awaiting-checks') {
      throw new Error(`registration ${registrationId}: no serial check results after 45 s`);
    }
    return view;
  }

  async approve(
    token: string,
    registrationId: string,
    serials?: string[],
  ): Promise<RegistrationView> {
    return this.gateway.expect<RegistrationView>(
      200,
      `/api/registrations/${registrationId}/approve`,
      {
        token,
        body: serials ? { serials } : {},
      },
    );
  }

  async reject(token: string, registrationId: string, reason: string): Promise<RegistrationView> {
    return this.gateway.expect<RegistrationView>(
      200,
      `/api/registrations/${registrationId}/reject`,
      {
        token,
        body: { reason },
      },
    );
  }

  /** Reads the set-password link from the login details email and chooses the password. */
  async setPasswordFromEmail(email: string, password: string): Promise<void> {
    const mail = await this.mail.waitFor(email, MAIL_SUBJECTS.loginDetails, 45000);
    const token = tokenOf(linkIn(mail, '/set-password'));
    await this.gateway.expect(204, '/api/auth/password/setup', { body: { token, password } });
  }

  /** Register → checks → approve → set password; returns the new account id. */
  async registerApproveAndActivate(
    validatorToken: string,
    request: RegistrationRequest,
    password: string,
  ): Promise<string> {
    const registrationId = await this.register(request);
    return this.finish(validatorToken, await this.get(validatorToken, registrationId), password);
  }

  /** Takes a registration from wherever it stands to an activated account. */
  async finish(
    validatorToken: string,
    registration: RegistrationView,
    password: string,
  ): Promise<string> {
    let current = registration;
    if (current.status === 'awaiting-checks') {
      current = await this.waitForChecks(validatorToken, current.registrationId);
    }
    if (current.status === 'pending-review') {
      current = await this.approve(validatorToken, current.registrationId);
    }
    const accountId = current.decision?.accountId;
    if (current.status !== 'approved' || !accountId) {
      throw new Error(`registration ${current.registrationId} ended ${current.status}`);
    }
    await this.setPasswordFromEmail(current.email, password);
    return accountId;
  }

  /** Waits until the registry has linked `count` devices to the account (it learns of the approval by event). */
  async waitForDevices(
    token: string,
    accountId: string,
    count: number,
  ): Promise<{ serial: string }[]> {
    const read = () =>
      this.gateway.call<{ items: { serial: string }[] }>(`/api/accounts/${accountId}/devices`, {
        token,
      });
    const answer = await pollUntil(read, (a) => a.status === 200 && a.body.items.length >= count, {
      timeoutMs: 45000,
      intervalMs: 500,
    });
    if (answer.status !== 200 || answer.body.items.length < count) {
      throw new Error(
        `account ${accountId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    }
    return answer.body.items;
  }

  /** The newest registration of an email in any status, if there is one. */
  async findByEmail(token: string, email: string): Promise<RegistrationView | undefined> {
    for (const status of ['awaiting-checks', 'pending-review', 'approved'] as const) {
      const { items } = await this.gateway.expect<{ items: RegistrationView[] }>(
        200,
        `/api/registrations?status=${status}`,
        { token },
      );
      const found = items.find((item) => item.email === email.toLowerCase());
      if (found) return found;
    }
    return undefined;
  }
}
