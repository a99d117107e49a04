import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from './color';
import { t } from './i18n';

const Body = styled.div`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-family: ${(p) => p.theme.fonts.system};
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${(p) => p.theme.lineHeights.md};

  p {
    margin: 0 0 ${(p) => p.theme.space.xs};
  }
`;

/** The page's title for assistive technology; Zendesk's app header already shows the name visually. */
const Title = styled.h1`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

/** Garden's theme, the base text style and the page title around everything the sidebar shows. */
export function Frame({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider>
      <Body>
        <Title>{t('title')}</Title>
        {children}
      </Body>
    </ThemeProvider>
  );
}
