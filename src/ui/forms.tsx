import { focusStyles } from '@zendeskgarden/react-theming';
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import styled, { css } from 'styled-components';
import { getColor } from './color';

/**
 * The sidebar's form controls in Garden's look (react-forms 9: label, hint, message, textarea, radio,
 * checkbox, fieldset), drawn with Garden's theme. Garden's forms package brings every control it has
 * (toggles, tiles, file upload, selects, their icons) into a sidebar held to a 100 KB gzipped budget;
 * these are the few the sidebar uses, with the same labelling: a label tied to its control, hints and
 * the message in the control's description, a validation message announced as an alert.
 */

/** One row of Garden's text: 14px on a 20px line, as a ratio so smaller text inside keeps its own. */
const text = css`
  vertical-align: middle;
  line-height: ${20 / 14};
  font-size: ${(p) => p.theme.fontSizes.md};
`;

const Label = styled.label`
  ${text};
  display: block;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const Hint = styled.div`
  ${text};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

const Message = styled.div`
  position: relative;
  margin-top: ${(p) => p.theme.space.xs};
  padding-left: 24px;
  line-height: ${(p) => p.theme.iconSizes.md};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
  font-size: ${(p) => p.theme.fontSizes.sm};

  svg {
    position: absolute;
    top: -1px;
    left: 0;
  }
`;

/** Garden's textarea rows are 18px: a 40px box less 10px padding and a 1px border on each side. */
const ROW = 18;

const Area = styled.textarea<{ $invalid: boolean }>`
  display: block;
  appearance: none;
  transition:
    border-color 0.25s ease-in-out,
    box-shadow 0.1s ease-in-out,
    background-color 0.25s ease-in-out,
    color 0.25s ease-in-out;
  margin-top: ${(p) => p.theme.space.xs};
  border: ${(p) => p.theme.borders.sm};
  border-color: ${(p) =>
    p.$invalid
      ? getColor({ theme: p.theme, variable: 'border.dangerEmphasis' })
      : getColor({
          theme: p.theme,
          variable: 'border.default',
          light: { offset: 100 },
          dark: { offset: -100 },
        })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  box-sizing: border-box;
  background-color: ${(p) => getColor({ theme: p.theme, variable: 'background.default' })};
  padding: 10px 12px;
  width: 100%;
  min-height: 40px;
  resize: none;
  overflow: auto;
  line-height: ${ROW}px;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-family: inherit;
  font-size: ${(p) => p.theme.fontSizes.md};

  &:hover {
    border-color: ${(p) =>
      getColor({
        theme: p.theme,
        variable: p.$invalid ? 'border.dangerEmphasis' : 'border.primaryEmphasis',
      })};
  }

  ${(p) => {
    const variable = p.$invalid ? 'border.dangerEmphasis' : 'border.primaryEmphasis';
    return focusStyles({
      theme: p.theme,
      color: { variable },
      styles: { borderColor: getColor({ theme: p.theme, variable }) },
    });
  }}

  &:disabled {
    border-color: ${(p) => getColor({ theme: p.theme, variable: 'border.disabled' })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: 'background.disabled' })};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.disabled' })};
  }
`;

/** Grows the textarea with its text from `minRows` (its `rows`) up to the CSS max-height, as Garden's does. */
function useAutoHeight(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.style.height = '';
    const border = area.offsetHeight - area.clientHeight;
    if (area.scrollHeight > area.clientHeight) area.style.height = `${area.scrollHeight + border}px`;
  }, [value]);
  return ref;
}

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** Rows shown when empty; the box grows with the text up to `maxRows`, then scrolls. */
  minRows: number;
  maxRows?: number;
  required?: boolean;
  /** A validation problem: a red border, and the message announced and in the description. */
  error?: string | false;
  /** A live line under the hint, in the description (empty until there is something to say). */
  status?: string;
  className?: string;
}

/** A labelled, hinted, auto-growing textarea: Garden's Field with Label, Hint, Textarea and Message. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const ref = useAutoHeight(props.value);
  const error = props.error !== undefined && props.error !== false && props.error;
  const described = [`${id}h`, props.status !== undefined && `${id}s`, error && `${id}m`];
  return (
    <div className={props.className}>
      <Label id={`${id}l`} htmlFor={id}>
        {props.label}
      </Label>
      <Hint id={`${id}h`}>{props.hint}</Hint>
      {props.status !== undefined && (
        <Hint id={`${id}s`} role="status">
          {props.status}
        </Hint>
      )}
      <Area
        ref={ref}
        id={id}
        rows={props.minRows}
        style={props.maxRows === undefined ? undefined : { maxHeight: `${props.maxRows * ROW + 22}px` }}
        value={props.value}
        required={props.required}
        aria-invalid={error !== false}
        aria-describedby={described.filter(Boolean).join(' ')}
        $invalid={error !== false}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
      {error !== false && (
        <Message id={`${id}m`} role="alert">
          <svg width="16" height="16" viewBox="0 0 16 16" role="img" aria-label="error">
            <g fill="none" stroke="currentColor">
              <circle cx="7.5" cy="8.5" r="7" />
              <path strokeLinecap="round" d="M7.5 4.5V9" />
            </g>
            <circle cx="7.5" cy="12" r="1" fill="currentColor" />
          </svg>
          {error}
        </Message>
      )}
    </div>
  );
}

/** A group of related controls named by its legend (or by `aria-labelledby`), unstyled as Garden's is. */
export const Fieldset = styled.fieldset`
  margin: 0;
  border: 0;
  padding: 0;
  min-width: 0;
`;

/** A fieldset's legend in Garden's label style. */
export const Legend = styled.legend`
  ${text};
  padding: 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const BOX = 16;

/** One radio button or checkbox with its label; Garden spaces them 8px apart in a fieldset. */
const ChoiceField = styled.div`
  position: relative;
  font-size: 0;

  fieldset & {
    margin-top: ${(p) => p.theme.space.xs};
  }
`;

const ChoiceLabel = styled.label`
  ${text};
  display: inline-block;
  position: relative;
  cursor: pointer;
  padding-left: ${BOX + 8}px;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  font-weight: ${(p) => p.theme.fontWeights.regular};

  &::before {
    position: absolute;
    top: 2px;
    left: 0;
    transition:
      border-color 0.25s ease-in-out,
      box-shadow 0.1s ease-in-out,
      background-color 0.25s ease-in-out;
    box-sizing: border-box;
    border: ${(p) => p.theme.borders.sm};
    width: ${BOX}px;
    height: ${BOX}px;
    content: '';
  }

  & > svg {
    position: absolute;
    top: 4px;
    left: 2px;
    transition: opacity 0.25s ease-in-out;
    opacity: 0;
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.onEmphasis' })};
    pointer-events: none;
  }
`;

// Hover and active tint the box with Garden's opacity[100] and [200] of the primary colour.
const primary = 'background.primaryEmphasis';
const edge = 'border.primaryEmphasis';
const darker = (offset: number) => ({ light: { offset }, dark: { offset: -offset } });

const ChoiceInput = styled.input`
  position: absolute;
  top: 2px;
  opacity: 0;
  margin: 0;
  width: ${BOX}px;
  height: ${BOX}px;

  & + label::before {
    border-color: ${(p) => getColor({ theme: p.theme, variable: 'border.emphasis' })};
    border-radius: ${(p) => (p.type === 'radio' ? '50%' : p.theme.borderRadii.md)};
    background-color: ${(p) => getColor({ theme: p.theme, variable: 'background.default' })};
  }

  & + label:hover::before {
    border-color: ${(p) => getColor({ theme: p.theme, variable: edge })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: primary, transparency: 0.08 })};
  }

  ${(p) =>
    focusStyles({
      theme: p.theme,
      styles: { borderColor: getColor({ theme: p.theme, variable: edge }) },
      selector: '&:focus-visible + label::before',
    })}

  & + label:active::before {
    border-color: ${(p) => getColor({ theme: p.theme, variable: edge })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: primary, transparency: 0.16 })};
  }

  &:checked + label::before {
    border-color: ${(p) => getColor({ theme: p.theme, variable: edge })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: primary })};
  }

  &:checked + label > svg {
    opacity: 1;
  }

  &:checked + label:hover::before {
    border-color: ${(p) => getColor({ theme: p.theme, variable: edge, ...darker(100) })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: primary, ...darker(100) })};
  }

  &:checked + label:active::before {
    border-color: ${(p) => getColor({ theme: p.theme, variable: edge, ...darker(200) })};
    background-color: ${(p) => getColor({ theme: p.theme, variable: primary, ...darker(200) })};
  }
`;

/** Props of {@link Choice}. */
export interface ChoiceProps {
  type: 'radio' | 'checkbox';
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The radio group's name. */
  name?: string;
  value?: string;
  /** The label: the control's accessible name. */
  children: ReactNode;
  className?: string;
}

/** A radio button or checkbox with its label, in Garden's look (a drawn box, dot or tick, focus ring). */
export function Choice({ type, checked, onChange, name, value, children, className }: ChoiceProps) {
  const id = useId();
  return (
    <ChoiceField className={className}>
      <ChoiceInput
        id={id}
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      <ChoiceLabel htmlFor={id}>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          {type === 'radio' ? (
            <circle cx="6" cy="6" r="2" fill="currentColor" />
          ) : (
            <path
              fill="none"
              stroke="currentColor"
              strokeLinecap="round"
              strokeLinejoin="round"
              strokeWidth="2"
              d="M3 6l2 2 4-4"
            />
          )}
        </svg>
        {children}
      </ChoiceLabel>
    </ChoiceField>
  );
}
