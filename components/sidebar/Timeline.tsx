import type { Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import { eventText } from '@/components/ui/event-text';
import { formatIsoDate } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';

interface TimelineProps {
  events: readonly InvoiceEvent[];
  invoices: readonly Invoice[];
  locale: string;
}

/** Everything that happened with this client, newest first, each line naming the invoice it concerns. */
export function Timeline({ events, invoices, locale }: TimelineProps) {
  const numberOf = new Map(invoices.map((i) => [i.id, i.number]));
  const shown = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.id ?? 0) - (a.id ?? 0)));
  return (
    <ol className="rl-timeline" data-relance="timeline" aria-label={t('timelineTitle')}>
      {shown.length === 0 ? <li className="rl-empty">{t('timelineEmpty')}</li> : null}
      {shown.map((ev, i) => {
        const number = ev.invoiceId ? numberOf.get(ev.invoiceId) : undefined;
        const intent = typeof ev.payload?.['intent'] === 'string' ? (ev.payload['intent'] as string) : undefined;
        return (
          <li key={ev.id ?? i} className="rl-event" data-relance="event" data-event-type={ev.type} {...(intent ? { 'data-intent': intent } : {})}>
            <span className="rl-event-date">{formatIsoDate(ev.at.slice(0, 10), locale)}</span>
            <span className="rl-event-text">{eventText(ev, locale)}</span>
            {number ? <span className="rl-event-invoice">{number}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
