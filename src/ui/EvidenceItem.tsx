import { getColor } from './color';
import styled from 'styled-components';
import type { Evidence } from '../engine/evidence';
import { formatTime } from './format';
import { t } from './i18n';
import { PreText } from './Section';
import { TagChip } from './TagChip';

const Quote = styled(PreText).attrs({ as: 'blockquote' })`
  margin: 0;
  border-left: 3px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  padding-left: ${(p) => p.theme.space.xs};
`;

const Source = styled.span`
  display: block;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

/** Props of {@link EvidenceItem}. */
export interface EvidenceItemProps {
  evidence: Evidence;
}

/**
 * One piece of evidence as the agent can find it in the ticket. Zendesk has no address for a single
 * comment, so a comment is named by its id, who wrote it and when. Ticket words are React text, never HTML.
 */
export function EvidenceItem({ evidence: e }: EvidenceItemProps) {
  switch (e.kind) {
    case 'comment': {
      const where = [
        t('evidence.comment', { id: e.id }),
        t(`evidence.speaker.${e.speaker}`),
        e.public ? t('evidence.public') : t('evidence.internal'),
        ...(e.at ? [formatTime(e.at)] : []),
      ];
      return (
        <>
          <Quote>{e.quote}</Quote>
          <Source>{where.join(' · ')}</Source>
        </>
      );
    }
    case 'subject':
      return (
        <>
          <Quote>{e.quote}</Quote>
          <Source>{t('evidence.subject')}</Source>
        </>
      );
    case 'tag':
      return (
        <>
          <TagChip>{e.tag}</TagChip> <Source as="span">{t(`evidence.tag_on.${e.on}`)}</Source>
        </>
      );
    case 'field':
      return (
        <>
          <PreText>{e.value}</PreText>
          <Source>{t('evidence.field', { field: e.field })}</Source>
        </>
      );
    case 'checklist':
      return (
        <>
          <span>
            {t(`checklist.questions.${e.question}`)} {e.answer ? t('answer.yes') : t('answer.no')}
          </span>
          <Source>{t('evidence.checklist')}</Source>
        </>
      );
    case 'ticket':
      return (
        <>
          <PreText>{e.detail}</PreText>
          <Source>{t('evidence.ticket')}</Source>
        </>
      );
    case 'related_ticket':
      return (
        <>
          <PreText>{e.detail}</PreText>
          <Source>{t('evidence.related', { id: e.id })}</Source>
        </>
      );
  }
}
