import { getColor } from './color';
import { Button } from './Button';
import { useId, useState } from 'react';
import styled from 'styled-components';
import type { Reason } from '../engine';
import type { Evidence as EvidenceSource } from '../engine/evidence';
import { EvidenceItem } from './EvidenceItem';
import { teamNames } from './format';
import { t } from './i18n';
import { PlainList, Section } from './Section';

const Row = styled.li`
  border-bottom: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.subtle' })};
  padding-bottom: ${(p) => p.theme.space.xs};
`;

const RowTitle = styled.strong`
  display: block;
`;

const Meta = styled.span`
  display: block;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

const EvidenceList = styled(PlainList)`
  margin-top: ${(p) => p.theme.space.xxs};
  padding-left: ${(p) => p.theme.space.sm};
`;

/** How many pieces of evidence a reason shows before "Show N more". */
const SHOWN = 3;

function Evidence({ sources }: { sources: readonly EvidenceSource[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const hidden = sources.length - SHOWN;
  return (
    <>
      <EvidenceList id={id} aria-label={t('reasons.evidence')}>
        {(open ? sources : sources.slice(0, SHOWN)).map((source, i) => (
          <li key={i}>
            <EvidenceItem evidence={source} />
          </li>
        ))}
      </EvidenceList>
      {hidden > 0 && (
        <Button
          isLink
          size="small"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => {
            setOpen(!open);
          }}
        >
          {open ? t('reasons.fewer') : t('reasons.more', { count: hidden })}
        </Button>
      )}
    </>
  );
}

/** Props of {@link ReasonList}. */
export interface ReasonListProps {
  reasons: readonly Reason[];
}

/** Every rule of the guide that applies, with the words, tags, fields or answers that made it apply. */
export function ReasonList({ reasons }: ReasonListProps) {
  return (
    <Section title={t('reasons.heading')}>
      {reasons.length === 0 ? (
        <p>{t('reasons.none')}</p>
      ) : (
        <PlainList>
          {reasons.map((reason) => (
            <Row key={reason.rule}>
              <RowTitle>{reason.guide_row}</RowTitle>
              <Meta>
                {t('reasons.goes_to', { teams: teamNames(reason.targets) })} ·{' '}
                {t('reasons.rule', { rule: reason.rule })}
              </Meta>
              {reason.covered_by && (
                <Meta>{t('reasons.covered', { teams: teamNames(reason.covered_by) })}</Meta>
              )}
              <Evidence sources={reason.sources} />
            </Row>
          ))}
        </PlainList>
      )}
    </Section>
  );
}
