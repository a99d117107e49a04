import { Alert } from './Alert';
import type { ReactNode } from 'react';
import styled, { keyframes } from 'styled-components';
import { getColor } from './color';
import { t } from './i18n';
import { PlainList, PreText } from './Section';

const Centered = styled.div`
  display: flex;
  align-items: center;
  gap: ${(p) => p.theme.space.sm};
  padding: ${(p) => p.theme.space.md} 0;
`;

const spin = keyframes`
  to {
    transform: rotate(360deg);
  }
`;

/** A small CSS spinner: Garden's lives in a package of its own, not worth its bytes for one use. */
const Spinner = styled.span`
  width: 20px;
  height: 20px;
  border: 2px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-top-color: ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
  border-radius: 50%;
  animation: ${spin} 0.8s linear infinite;

  @media (prefers-reduced-motion: reduce) {
    animation: none;
  }
`;

const Problems = styled(PlainList)`
  margin: ${(p) => p.theme.space.xs} 0;
`;

/** Shown while the ticket is read. */
export function LoadingState() {
  return (
    <Centered role="status">
      <Spinner aria-hidden="true" />
      <span>{t('loading')}</span>
    </Centered>
  );
}

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  title: string;
  /** What to do next. */
  next: string;
  /** The problems, one line each, as plain text. */
  problems: readonly string[];
  children?: ReactNode;
}

/** Something stops the sidebar: what happened, what to do, and (as children) a way to try again. */
export function ErrorState({ title, next, problems, children }: ErrorStateProps) {
  return (
    <Alert type="error" role="alert">
      <Alert.Title>{title}</Alert.Title>
      <Alert.Paragraph>{next}</Alert.Paragraph>
      <Problems>
        {problems.map((line, i) => (
          <li key={i}>
            <PreText>{line}</PreText>
          </li>
        ))}
      </Problems>
      {children}
    </Alert>
  );
}

/** The page was opened outside Zendesk: say where it belongs instead of failing. */
export function OutsideZendesk() {
  return (
    <Alert type="info" role="status">
      <Alert.Title>{t('outside.title')}</Alert.Title>
      <Alert.Paragraph>{t('outside.body')}</Alert.Paragraph>
    </Alert>
  );
}
