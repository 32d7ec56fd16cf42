import { ReactNode } from 'react';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { useCountry } from '../../country/country-context';
import { useCountryFormats } from '../../country/country-formats';
import { Link } from '../../router/router';

/** When these answers were last checked against the portal (shown in the country's date format). */
const REVIEWED_ON = '2026-11-27T12:00:00Z';

interface Question {
  id: string;
  question: string;
  answer: ReactNode;
}

/**
 * The vendor's help page, answered for this portal: the same questions, with the steps and
 * pages that exist here and the Supplies Helpdesk of the country chosen at the top of the page.
 */
function questions(helpdesk: ReactNode): Question[] {
  return [
    {
      id: 'register',
      question: 'How do I register?',
      answer: (
        <p>
          Choose <Link to="/register">Register</Link> on the sign-in page and enter your company,
          contact details, ship-to address and the serial numbers of the machines you want to order
          supplies for. We check each serial number, review the request and email you a link to set
          your password.
        </p>
      ),
    },
    {
      id: 'why-register',
      question: 'Why should I register for an online account?',
      answer: (
        <p>
          If a Metered Supplies contract covers your machine, you can order its supplies 24 hours a
          day, 7 days a week — no numbers to call, prompts to select or hold times.
        </p>
      ),
    },
    {
      id: 'order',
      question: 'How do I order supplies online?',
      answer: (
        <p>
          <Link to="/login">Sign in</Link> and choose <Link to="/order">Order Supplies</Link> in the
          upper left. Select the serial number you want supplies for. In the “Choose your items to
          be ordered” pull-down select a supply item: its order row appears just above. Enter the
          full cartons and individual bottles you have onsite, then the quantity to order, and place
          the order. “My orders” shows its status.
        </p>
      ),
    },
    {
      id: 'expedite',
      question: 'Why can I not choose expedited shipping on web orders?',
      answer: (
        <p>
          Online orders ship standard. For an emergency, call the Supplies Helpdesk at {helpdesk}:
          they can place an expedited order for you.
        </p>
      ),
    },
    {
      id: 'password',
      question: 'I have forgotten my password or need to reset it.',
      answer: (
        <p>
          Choose <Link to="/forgot-password">Forgot your password?</Link> on the sign-in page and
          follow the link we email you.
        </p>
      ),
    },
    {
      id: 'unlisted-item',
      question: 'What if the item I want is not in the pull-down?',
      answer: (
        <p>
          The items you can order are tied to each machine&apos;s serial number. Signed in, choose
          “Item not in the list?” on Order Supplies (or{' '}
          <Link to="/requests/item">Item not listed</Link>), give the serial number and the reorder
          number, and send. The Supplies Helpdesk adds the item — it then appears in the pull-down —
          or tells you why not, by email. You can also call the Supplies Helpdesk at {helpdesk}.
        </p>
      ),
    },
    {
      id: 'more-machines',
      question: 'How do I add more machines to my account?',
      answer: (
        <p>
          Signed in, open <Link to="/requests/machines">Add machines</Link>: choose one of your
          machines with an active contract and enter the serial numbers to add. We check each one at
          once and show you the result; the Supplies Helpdesk then approves the request and we email
          you. Or call the Supplies Helpdesk at {helpdesk}.
        </p>
      ),
    },
    {
      id: 'not-covered',
      question: 'What if I want supplies for a product my contract does not cover?',
      answer: <p>Buy its supplies from our online store or an authorised partner.</p>,
    },
    {
      id: 'all-products',
      question: 'Can I order contract supplies for all products here?',
      answer: (
        <p>Yes: for office and production products with a current Metered Supplies contract.</p>
      ),
    },
    {
      id: 'helpdesk-orders',
      question: 'With an online account, can I still order through the Supplies Helpdesk?',
      answer: (
        <p>
          Yes. With a current Metered Supplies contract you can order here or by calling the
          Supplies Helpdesk at {helpdesk}.
        </p>
      ),
    },
    {
      id: 'address',
      question: 'How do I change the fields that are grayed out, such as my address?',
      answer: (
        <p>
          Sending supplies to the right place matters, so your company, ship-to address and machines
          (see <Link to="/account">My account</Link>) are changed only by the Supplies Helpdesk:
          call {helpdesk}.
        </p>
      ),
    },
    {
      id: 'country',
      question: 'The portal shows a different country. What should I do?',
      answer: (
        <ol>
          <li>At the top of the page, select the small world map beside the country name.</li>
          <li>Point to (or select) the orange marker over your region.</li>
          <li>Select your country in that region&apos;s list.</li>
        </ol>
      ),
    },
  ];
}

/** Public: answers the help page's questions for this portal. */
export function FaqPage() {
  const { country } = useCountry();
  const formats = useCountryFormats();
  const helpdesk = <HelpdeskNumber />;
  const list = questions(helpdesk);
  return (
    <section className="page faq" aria-labelledby="faq-title">
      <h1 id="faq-title">Frequently asked questions</h1>
      <p className="page__lead" data-testid="faq-helpdesk">
        Supplies Helpdesk for {country.name}: {helpdesk}. Another country? Change it at the top of
        the page.
      </p>
      <nav aria-label="Questions">
        <ul className="faq__index">
          {list.map((entry) => (
            <li key={entry.id}>
              <a href={`#faq-${entry.id}`}>{entry.question}</a>
            </li>
          ))}
        </ul>
      </nav>
      {list.map((entry) => (
        <section key={entry.id} id={`faq-${entry.id}`} className="faq__entry">
          <h2>{entry.question}</h2>
          {entry.answer}
        </section>
      ))}
      <p className="faq__reviewed" data-testid="faq-reviewed">
        Last reviewed <time dateTime={REVIEWED_ON}>{formats.date(REVIEWED_ON)}</time>.
      </p>
    </section>
  );
}
