import type { ReactNode } from 'react';
import styled from 'styled-components';
import { getColor } from './color';

/**
 * Garden's alert look (a tinted box with a coloured edge and a bold title), drawn with Garden's theme
 * colours. Garden's react-notifications package would add 2 KB gzipped to a sidebar held to a 100 KB
 * budget; this keeps the same props (`type`, `role`) and parts (`Alert.Title`, `Alert.Paragraph`).
 */
type Kind = 'success' | 'warning' | 'error' | 'info';

const EDGE: Record<Kind, string> = {
  success: 'border.successEmphasis',
  warning: 'border.warningEmphasis',
  error: 'border.dangerEmphasis',
  info: 'border.primaryEmphasis',
};
const FILL: Record<Kind, string> = {
  success: 'background.success',
  warning: 'background.warning',
  error: 'background.danger',
  info: 'background.subtle',
};

const Box = styled.div<{ $kind: Kind }>`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: EDGE[p.$kind] })};
  border-left-width: ${(p) => p.theme.space.xxs};
  border-radius: ${(p) => p.theme.borderRadii.md};
  background-color: ${(p) => getColor({ theme: p.theme, variable: FILL[p.$kind] })};
  padding: ${(p) => `${p.theme.space.sm} ${p.theme.space.md}`};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${(p) => p.theme.lineHeights.md};
`;

const Title = styled.strong`
  display: block;
  margin-bottom: ${(p) => p.theme.space.xxs};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const Paragraph = styled.p`
  margin: ${(p) => p.theme.space.xxs} 0 0;
`;

/** Props of {@link Alert}. */
export interface AlertProps {
  type: Kind;
  role?: 'alert' | 'status' | 'note';
  className?: string;
  children?: ReactNode;
}

function AlertBox({ type, role, className, children }: AlertProps) {
  return (
    <Box $kind={type} role={role} className={className}>
      {children}
    </Box>
  );
}

/** A status box: success, warning, error or info, with a title and paragraphs. */
export const Alert = Object.assign(AlertBox, { Title, Paragraph });

/** An alert in the sidebar's flow, with the space every banner keeps from what follows it. */
export const Banner = styled(AlertBox)`
  margin-bottom: ${(p) => p.theme.space.sm};
`;

/** A quiet, bordered panel (Garden's Well). */
export const Well = styled.div`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
`;
