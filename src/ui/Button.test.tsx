/** The sidebar's button: a real button element with Garden's variants, never submitting a form by accident. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button';
import { axeViolations, renderUi } from './testing';

describe('Button', () => {
  it('is type="button" unless told otherwise, and passes the element props through', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    renderUi(
      <>
        <Button isPrimary isStretched aria-busy onClick={onClick}>
          Confirm
        </Button>
        <Button type="submit">Save</Button>
      </>,
    );
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    expect(confirm.getAttribute('type')).toBe('button');
    expect(confirm.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('type')).toBe('submit');
    await user.click(confirm);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a disabled button takes no clicks; the variant flags never reach the DOM', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    const { container } = renderUi(
      <>
        <Button size="small" isBasic disabled onClick={onClick}>
          Restore
        </Button>
        <Button isLink size="small" aria-expanded={false}>
          Show more
        </Button>
      </>,
    );
    const restore = screen.getByRole('button', { name: 'Restore' });
    await user.click(restore);
    expect(onClick).not.toHaveBeenCalled();
    for (const button of screen.getAllByRole('button')) {
      for (const flag of ['isbasic', 'islink', 'size', 'isprimary', 'isstretched']) {
        expect(button.hasAttribute(flag)).toBe(false);
      }
    }
    expect(await axeViolations(container)).toEqual([]);
  });

  it('draws the variants differently (primary filled, basic borderless, link inline)', () => {
    renderUi(
      <>
        <Button isPrimary>Primary</Button>
        <Button isBasic>Basic</Button>
        <Button>Default</Button>
        <Button isLink>Link</Button>
      </>,
    );
    const style = (name: string) => getComputedStyle(screen.getByRole('button', { name }));
    expect(style('Primary').backgroundColor).not.toBe(style('Default').backgroundColor);
    expect(style('Basic').borderColor).not.toBe(style('Default').borderColor);
    expect(style('Link').display).toBe('inline');
    expect(style('Default').display).toBe('inline-flex');
  });
});
