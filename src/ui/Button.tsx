import type { ButtonHTMLAttributes } from 'react';
import styled, { css, type DefaultTheme } from 'styled-components';
import { focusStyles } from '@zendeskgarden/react-theming';
import { getColor } from './color';

/**
 * Garden's button look (react-buttons 9: default, primary, basic and link; medium and small; stretched),
 * drawn with Garden's theme. Garden's package carries every variant it has (danger, neutral, pill, icon,
 * split and grouped buttons) into a sidebar held to a 100 KB gzipped budget; this keeps the props the
 * sidebar uses, so a call site reads as it would with Garden's.
 */
type Kind = 'default' | 'primary' | 'basic' | 'link';

const shade = (offset: number) => ({ light: { offset }, dark: { offset: -offset } });

/** Colours per kind, with Garden's hover (one shade darker), active (two) and disabled states. */
const colors = ({ $kind: kind, theme }: { $kind: Kind; theme: DefaultTheme }) => {
  const color = (variable: string, more = {}) => getColor({ theme, variable, ...more });
  const disabled = css`
    &:disabled {
      border-color: transparent;
      background-color: ${kind === 'link' ? 'transparent' : color('background.disabled')};
      color: ${color('foreground.disabled')};
    }
  `;
  if (kind === 'link') {
    const variable = 'foreground.primary';
    return css`
      background-color: transparent;
      color: ${color(variable)};
      ${focusStyles({
        theme,
        condition: false,
        styles: { color: color(variable), outlineColor: color('border.primaryEmphasis') },
      })}
      &:hover {
        color: ${color(variable, shade(100))};
      }
      &:active {
        color: ${color(variable, shade(200))};
      }
      &:disabled {
        text-decoration: none;
      }
      ${disabled}
    `;
  }
  if (kind === 'primary') {
    const variable = 'background.primaryEmphasis';
    return css`
      background-color: ${color(variable)};
      color: ${color('foreground.onEmphasis')};
      &:hover {
        background-color: ${color(variable, shade(100))};
      }
      ${focusStyles({ theme })}
      &:active {
        background-color: ${color(variable, shade(200))};
      }
      ${disabled}
    `;
  }
  const border = (more = {}) => (kind === 'basic' ? 'transparent' : color('border.primaryEmphasis', more));
  // Garden's opacity[100] and [200] of the primary colour.
  const tint = (level: 100 | 200) =>
    color('background.primaryEmphasis', { transparency: level === 100 ? 0.08 : 0.16 });
  return css`
    border-color: ${border()};
    background-color: transparent;
    color: ${color('foreground.primary')};
    &:hover {
      border-color: ${border(shade(100))};
      background-color: ${tint(100)};
      color: ${color('foreground.primary', shade(100))};
    }
    ${focusStyles({ theme })}
    &:active {
      border-color: ${border(shade(200))};
      background-color: ${tint(200)};
      color: ${color('foreground.primary', shade(200))};
    }
    ${disabled}
  `;
};

const StyledButton = styled.button<{ $kind: Kind; $small: boolean; $stretched: boolean }>`
  display: ${(p) => (p.$kind === 'link' ? 'inline' : 'inline-flex')};
  align-items: center;
  justify-content: center;
  transition:
    border-color 0.25s ease-in-out,
    box-shadow 0.1s ease-in-out,
    background-color 0.25s ease-in-out,
    color 0.25s ease-in-out,
    outline-color 0.1s ease-in-out;
  margin: 0;
  border: ${(p) => (p.$kind === 'link' ? '0' : p.theme.borderWidths.sm)} solid transparent;
  border-radius: ${(p) => p.theme.borderRadii.md};
  outline-color: transparent;
  cursor: pointer;
  box-sizing: border-box;
  width: ${(p) => (p.$stretched ? '100%' : 'auto')};
  overflow: hidden;
  text-decoration: ${(p) => (p.$kind === 'link' ? 'underline' : 'none')};
  text-overflow: ellipsis;
  font-family: inherit;
  -webkit-font-smoothing: subpixel-antialiased;
  ${(p) =>
    p.$kind === 'link'
      ? css`
          padding: 0;
          font-size: inherit;
          font-weight: inherit;
        `
      : css`
          /* Garden: 32 or 40px high, a 12 or 16px side padding inside the 1px border. */
          padding: 0 ${p.$small ? 11 / 12 : 15 / 14}em;
          height: ${p.$small ? 32 : 40}px;
          line-height: ${p.$small ? 30 : 38}px;
          white-space: nowrap;
          font-size: ${p.$small ? p.theme.fontSizes.sm : p.theme.fontSizes.md};
          font-weight: ${p.theme.fontWeights.regular};
          user-select: none;
        `}

  &:focus-visible {
    text-decoration: none;
  }

  &::-moz-focus-inner {
    border: 0;
    padding: 0;
  }

  &:disabled {
    cursor: default;
  }

  ${colors}
`;

/** Props of {@link Button}: the element's own, and Garden's variant flags. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  isPrimary?: boolean;
  isBasic?: boolean;
  isLink?: boolean;
  isStretched?: boolean;
  size?: 'small' | 'medium';
}

/** A button in Garden's look; `type="button"` unless told otherwise, as Garden's is. */
export function Button({ isPrimary, isBasic, isLink, isStretched, size, type, ...rest }: ButtonProps) {
  const kind: Kind = isLink ? 'link' : isPrimary ? 'primary' : isBasic ? 'basic' : 'default';
  return (
    <StyledButton
      type={type ?? 'button'}
      $kind={kind}
      $small={size === 'small'}
      $stretched={isStretched === true}
      {...rest}
    />
  );
}
