import styled from 'styled-components';
import { getColor } from '../color';

/** A plain semantic table in Garden's look (Garden's table package is not part of this app). */
export const Table = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};

  th,
  td {
    padding: ${(p) => `${p.theme.space.xs} ${p.theme.space.sm}`};
    border-bottom: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.subtle' })};
    text-align: left;
    vertical-align: top;
  }

  th {
    font-weight: ${(p) => p.theme.fontWeights.semibold};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: 'background.subtle' })};
    position: sticky;
    top: 0;
  }

  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;

/** A table that scrolls sideways on a narrow screen instead of squeezing its columns. */
export const TableScroll = styled.div`
  overflow-x: auto;
  margin-bottom: ${(p) => p.theme.space.md};
`;

/** A small coloured word in a cell: overdue, bounced, overridden. */
export const Flag = styled.span<{ $tone: 'danger' | 'warning' | 'neutral' }>`
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  color: ${(p) =>
    getColor({
      theme: p.theme,
      variable:
        p.$tone === 'danger'
          ? 'foreground.danger'
          : p.$tone === 'warning'
            ? 'foreground.warning'
            : 'foreground.subtle',
    })};
`;

/** Secondary text under a cell's main text. */
export const Small = styled.div`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.xs};
`;

/** A table's caption for assistive technology; the section heading above says the same visually. */
export const HiddenCaption = styled.caption`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;
