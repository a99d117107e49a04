import { useId, type ReactNode } from 'react';
import styled from 'styled-components';

const StyledSection = styled.section`
  margin-bottom: ${(p) => p.theme.space.md};
`;

/** A sidebar heading: the sections are the landmarks a screen-reader user jumps between. */
export const Heading = styled.h2`
  margin: 0 0 ${(p) => p.theme.space.xs};
  font-size: ${(p) => p.theme.fontSizes.md};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  line-height: ${(p) => p.theme.lineHeights.md};
`;

/** A heading inside a section. */
export const SubHeading = styled.h3`
  margin: ${(p) => p.theme.space.xs} 0 ${(p) => p.theme.space.xxs};
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

/** Props of {@link Section}. */
export interface SectionProps {
  title: string;
  children: ReactNode;
  /** The heading's id, for a caller that labels something else with it too (a fieldset). */
  headingId?: string;
}

/** A titled part of the sidebar, labelled by its heading. */
export function Section({ title, children, headingId }: SectionProps) {
  const ownId = useId();
  const id = headingId ?? ownId;
  return (
    <StyledSection aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {children}
    </StyledSection>
  );
}

/** Plain text that keeps the line breaks of ticket text and of the engine's notes. */
export const PreText = styled.div`
  white-space: pre-wrap;
  overflow-wrap: anywhere;
`;

/** A term/description list for short facts: "Urgency: High". */
export const Facts = styled.dl`
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.sm};
  margin: 0 0 ${(p) => p.theme.space.sm};

  dt {
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** A list without bullets whose items are spaced apart. */
export const PlainList = styled.ul`
  margin: 0;
  padding: 0;
  list-style: none;

  & > li + li {
    margin-top: ${(p) => p.theme.space.xs};
  }
`;
