/**
 * After a CONFLICT (someone else saved first): the user's values and the saved ones side by side,
 * the rows that differ marked. The form below keeps the user's values with the new version.
 */
import { type MessageKey } from '../lib/i18n';
import { useT } from '../lib/use-app';

export function ConflictTable(props: {
  fields: readonly (readonly [string, MessageKey])[];
  yours: Record<string, string>;
  saved: Record<string, string>;
  /** How a value is shown (e.g. an enum through the catalogue); as it is by default. */
  show?: (field: string, value: string) => string;
}) {
  const { t } = useT();
  const show = props.show ?? ((_field: string, value: string) => value);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="conflict-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.yours')}</th>
              <th scope="col">{t('conflict.saved')}</th>
            </tr>
          </thead>
          <tbody>
            {props.fields.map(([field, label]) => {
              const yours = props.yours[field] ?? '';
              const saved = props.saved[field] ?? '';
              return (
                <tr key={field} className={yours === saved ? '' : 'differs'}>
                  <th scope="row">{t(label)}</th>
                  <td data-testid={`yours-${field}`}>{show(field, yours)}</td>
                  <td data-testid={`saved-${field}`}>{show(field, saved)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
