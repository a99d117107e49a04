/** The sidebar's form controls: named by their labels, described by their hints, accessible and growing. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Choice, Fieldset, Legend, TextField, type TextFieldProps } from './forms';
import { Frame } from './Frame';
import { axeViolations, renderUi } from './testing';

/** The ids an element's aria-describedby names, as the texts of those elements. */
function description(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

function Controlled(props: Omit<TextFieldProps, 'value' | 'onChange'> & { onValue?: (v: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <TextField
      {...props}
      value={value}
      onChange={(next) => {
        setValue(next);
        props.onValue?.(next);
      }}
    />
  );
}

describe('TextField', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is a textbox named by its label, described by its hint, and hands over what is typed', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    const { container } = renderUi(
      <Controlled label="Internal note" hint="Only agents see it." minRows={3} onValue={onValue} />,
    );
    const box = screen.getByRole('textbox', { name: 'Internal note' });
    expect(box.getAttribute('rows')).toBe('3');
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(description(box)).toEqual(['Only agents see it.']);
    await user.type(box, 'Hi');
    expect(onValue).toHaveBeenLastCalledWith('Hi');
    expect((box as HTMLTextAreaElement).value).toBe('Hi');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('names a problem as an alert, in the description, and marks the box invalid', async () => {
    const { container } = renderUi(
      <TextField
        label="Reason"
        hint="Why these teams."
        value=""
        onChange={() => undefined}
        minRows={2}
        required
        error="Give a reason."
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Reason' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box).toHaveProperty('required', true);
    expect(screen.getByRole('alert').textContent).toBe('Give a reason.');
    expect(description(box)).toEqual(['Why these teams.', 'Give a reason.']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('keeps a live status line in the description, empty until it has something to say', () => {
    const { rerender } = renderUi(
      <TextField
        label="Reason"
        hint="Recorded in a note."
        status=""
        value=""
        onChange={() => undefined}
        minRows={2}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Reason' });
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(
      <Frame>
        <TextField
          label="Reason"
          hint="Recorded in a note."
          status="Write a reason first."
          value=""
          onChange={() => undefined}
          minRows={2}
        />
      </Frame>,
    );
    expect(screen.getByRole('status').textContent).toBe('Write a reason first.');
    expect(description(box)).toEqual(['Recorded in a note.', 'Write a reason first.']);
  });

  it('grows with its text and stops at maxRows', () => {
    // jsdom has no layout: the box reports 58px inside its 2px of border, the text 130px.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(60);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(58);
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(58);
    const field = (value: string) => (
      <Frame>
        <TextField label="Note" hint="h" value={value} onChange={() => undefined} minRows={2} maxRows={4} />
      </Frame>
    );
    const { rerender } = render(field('short'));
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    expect(box.style.height).toBe('');
    expect(box.style.maxHeight).toBe(`${4 * 18 + 22}px`);

    scroll.mockReturnValue(130);
    rerender(field('a\nlonger\ntext\nof\nsix\nlines'));
    expect(box.style.height).toBe('132px');

    scroll.mockReturnValue(58);
    rerender(field('short again'));
    expect(box.style.height).toBe('');
  });
});

describe('Choice', () => {
  it('radios in a fieldset: named by label and legend, one checked, reporting the pick', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { container } = renderUi(
      <Fieldset>
        <Legend>Troubleshooting done?</Legend>
        {['Yes', 'No'].map((answer) => (
          <Choice
            key={answer}
            type="radio"
            name="q"
            value={answer}
            checked={answer === 'No'}
            onChange={() => {
              onChange(answer);
            }}
          >
            {answer}
          </Choice>
        ))}
      </Fieldset>,
    );
    const group = screen.getByRole('group', { name: 'Troubleshooting done?' });
    expect(group.tagName).toBe('FIELDSET');
    expect(screen.getByRole('radio', { name: 'No' })).toHaveProperty('checked', true);
    await user.click(screen.getByText('Yes'));
    expect(onChange).toHaveBeenCalledWith('Yes');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a checkbox hands over its new state; the drawn tick is hidden from assistive technology', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(
      <Choice type="checkbox" checked={false} onChange={onChange}>
        Carrier <span>(suggested)</span>
      </Choice>,
    );
    const box = screen.getByRole('checkbox', { name: 'Carrier (suggested)' });
    await user.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
    expect(box.parentElement?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
