import { Alert, Banner } from './Alert';
import { t } from './i18n';
import { PlainList, PreText } from './Section';

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <PlainList>
      {lines.map((line, i) => (
        <li key={i}>
          <PreText>{line}</PreText>
        </li>
      ))}
    </PlainList>
  );
}

/** Props of {@link ChangeNotice}. */
export interface ChangeNoticeProps {
  kind: 'changed' | 'conflict';
  changes: readonly string[];
}

/**
 * The ticket changed under the agent (`changed`), or a confirm met someone else's change and wrote
 * nothing (`conflict`): either way the suggestion was worked out again, and this says what moved.
 */
export function ChangeNotice({ kind, changes }: ChangeNoticeProps) {
  if (kind === 'changed') {
    return (
      <Banner type="info" role="status">
        <Alert.Paragraph>{t('suggestion.changed')}</Alert.Paragraph>
        <Lines lines={changes} />
      </Banner>
    );
  }
  return (
    <Banner type="warning" role="alert">
      <Alert.Title>{t('conflict.title')}</Alert.Title>
      <Alert.Paragraph>{changes.length ? t('conflict.body') : t('conflict.same')}</Alert.Paragraph>
      <Lines lines={changes} />
    </Banner>
  );
}

/** Props of {@link WarningList}. */
export interface WarningListProps {
  title: string;
  intro?: string;
  lines: readonly string[];
}

/** Things the agent should know that do not stop the work: settings ignored, parts not read, plan caveats. */
export function WarningList({ title, intro, lines }: WarningListProps) {
  if (lines.length === 0) return null;
  return (
    <Banner type="warning" role="note">
      <Alert.Title>{title}</Alert.Title>
      {intro && <Alert.Paragraph>{intro}</Alert.Paragraph>}
      <Lines lines={lines} />
    </Banner>
  );
}
