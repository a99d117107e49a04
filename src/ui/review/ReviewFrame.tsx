import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from '../color';

const Body = styled.div`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-family: ${(p) => p.theme.fonts.system};
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${(p) => p.theme.lineHeights.md};
  max-width: 1400px;

  p {
    margin: 0 0 ${(p) => p.theme.space.xs};
  }
`;

/** Garden's theme and the base text style around the review page (its own heading names the page). */
export function ReviewFrame({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider>
      <Body>{children}</Body>
    </ThemeProvider>
  );
}
