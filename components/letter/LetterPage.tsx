import { useEffect, useState } from 'react';
import type { FormalNoticeLetter, LetterBlock } from '@/lib/domain/reminders/letter';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';

function Block({ block }: { block: LetterBlock }) {
  if (block.kind === 'table' && block.rows) {
    return (
      <table className="letter-table">
        {block.head ? (
          <thead>
            <tr>{block.head.map((h, i) => <th key={i}>{h}</th>)}</tr>
          </thead>
        ) : null}
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>{row.map((c, i) => <td key={i}>{c}</td>)}</tr>
          ))}
        </tbody>
        {block.foot ? (
          <tfoot>
            {block.foot.map((row, r) => (
              <tr key={r}>{row.map((c, i) => <th key={i}>{c}</th>)}</tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    );
  }
  // Text only, line breaks kept by CSS: the letter's words never become markup.
  return <div className={`letter-block letter-${block.kind}`}>{block.lines.join('\n')}</div>;
}

/** The formal notice as an A4 letter: the user prints it (or saves it as PDF) and sends it by registered post. */
export function LetterPage({ clientEmail, onPrint }: { clientEmail: string; onPrint: () => void }) {
  const [letter, setLetter] = useState<FormalNoticeLetter | null>(null);
  const [error, setError] = useState<string | null>(clientEmail ? null : t('letterNoClient'));

  useEffect(() => {
    if (!clientEmail) return;
    send('letter.get', { clientEmail })
      .then((r) => {
        setLetter(r.letter);
        document.title = r.letter.title;
        document.documentElement.lang = r.language;
      })
      .catch((err: unknown) => setError(err instanceof RelanceError ? err.message : t('errUnexpected')));
  }, [clientEmail]);

  if (error) return <p className="letter-error" role="alert">{error}</p>;
  if (!letter) return <p className="letter-bar">{t('letterLoading')}</p>;
  return (
    <>
      <div className="letter-bar">
        <button type="button" data-relance="letter-print" onClick={onPrint}>
          {t('letterPrint')}
        </button>
      </div>
      <article className="letter-sheet" data-relance="letter">
        {letter.blocks.map((b, i) => (
          <Block key={i} block={b} />
        ))}
      </article>
    </>
  );
}
