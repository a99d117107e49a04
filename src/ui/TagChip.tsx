import styled from 'styled-components';
import { getColor } from './color';

/**
 * A Zendesk tag as Garden draws one (small, rounded, grey). Drawn here rather than with Garden's
 * react-tags, whose package would add 1.4 KB gzipped to a sidebar held to a 100 KB budget for one span.
 */
export const TagChip = styled.span`
  display: inline-block;
  border-radius: ${(p) => p.theme.borderRadii.md};
  background-color: ${(p) => getColor({ theme: p.theme, variable: 'background.subtle' })};
  padding: 0 ${(p) => p.theme.space.xs};
  line-height: ${(p) => p.theme.lineHeights.md};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;
