import { machinesRequestDecidedEmail } from './machines-request-decided.template';
import { machinesRequestReceivedEmail } from './machines-request-received.template';
import { supplyItemRequestDecidedEmail } from './supply-item-request-decided.template';
import { supplyItemRequestReceivedEmail } from './supply-item-request-received.template';

const account = { greetingName: 'Ada Lovelace', company: 'Analytical Engines', country: 'US' };

describe('emails about requests to the helpdesk', () => {
  it('greets the person who asked, not the company', () => {
    const email = supplyItemRequestReceivedEmail({
      ...account,
      serial: 'E72345A6N1',
      reorderNumber: '006R01046',
    });
    expect(email.text.startsWith('Dear Ada Lovelace,')).toBe(true);
    expect(email.text).not.toContain('Dear Analytical Engines');
  });

  it('lists each requested machine with its check outcome and what happens next', () => {
    const email = machinesRequestReceivedEmail({
      ...account,
      proofSerial: 'E72345A6N1',
      checks: [
        { serial: 'E72345A6N2', outcome: 'eligible', message: 'ok' },
        { serial: 'NOCONTRACT1', outcome: 'no-active-contract', message: 'Contract ended.' },
      ],
    });
    expect(email.subject).toBe('We received your request to add machines');
    expect(email.text).toContain('E72345A6N2: eligible');
    expect(email.text).toContain(
      'NOCONTRACT1: no active Metered Supplies contract — Contract ended.',
    );
    expect(email.text).toMatch(/online store or from an authorised partner/);
    expect(email.text).toContain('the Supplies Helpdesk reviews your request');
    expect(email.html).toContain('<li>E72345A6N2: eligible</li>');
  });

  it('names the approved machines, or the reason of a decline', () => {
    const approved = machinesRequestDecidedEmail({
      ...account,
      decision: 'approved',
      approvedSerials: ['E72345A6N2'],
    });
    expect(approved.subject).toBe('Your request to add machines was approved');
    expect(approved.html).toContain('<li>E72345A6N2</li>');
    const declined = machinesRequestDecidedEmail({
      ...account,
      country: 'DE',
      decision: 'declined',
      approvedSerials: [],
      reason: 'These machines belong to <another> company',
    });
    expect(declined.subject).toBe('Your request to add machines was declined');
    expect(declined.text).toContain('Reason: These machines belong to <another> company');
    expect(declined.html).toContain('&lt;another&gt;');
    expect(declined.text).toContain('0800 181 8181 (prompts: 1, 4)');
  });

  it('confirms an item request with the customer`s note', () => {
    const email = supplyItemRequestReceivedEmail({
      ...account,
      serial: 'E72345A6N1',
      reorderNumber: '006R01697',
      note: 'the cyan one',
    });
    expect(email.subject).toBe('We received your request for supply item 006R01697');
    expect(email.text).toContain('serial number E72345A6N1');
    expect(email.text).toContain('Your note: the cyan one');
  });

  it('says an added item is now in the order page`s list, or why it was declined', () => {
    const added = supplyItemRequestDecidedEmail({
      ...account,
      serial: 'E72345A6N1',
      reorderNumber: '006R01697',
      decision: 'approved',
      description: 'Cyan toner',
    });
    expect(added.subject).toBe('Supply item 006R01697 was added for serial E72345A6N1');
    expect(added.text).toContain('006R01697 (Cyan toner)');
    expect(added.text).toContain('list of the Order Supplies page');
    const declined = supplyItemRequestDecidedEmail({
      ...account,
      serial: 'E72345A6N1',
      reorderNumber: '006R01697',
      decision: 'declined',
      reason: 'does not fit this model',
    });
    expect(declined.subject).toBe('Your request for supply item 006R01697 was declined');
    expect(declined.text).toContain('Reason: does not fit this model');
  });
});
