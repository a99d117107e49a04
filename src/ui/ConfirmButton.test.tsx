/** The confirm button writes once however it is clicked, and says it is writing. */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './ConfirmButton';
import { t } from './i18n';
import { renderUi } from './testing';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** As App uses it: writing while the write is in flight. */
function Writer({ write }: { write: () => Promise<void> }) {
  const [writing, setWriting] = useState(false);
  return (
    <ConfirmButton
      writing={writing}
      onConfirm={async () => {
        setWriting(true);
        await write();
        setWriting(false);
      }}
    />
  );
}

describe('ConfirmButton', () => {
  it('writes once on a double click and is disabled while writing', async () => {
    const user = userEvent.setup();
    const pending = deferred();
    const write = vi.fn(() => pending.promise);
    renderUi(<Writer write={write} />);

    await user.dblClick(screen.getByRole('button', { name: t('confirm.button') }));
    expect(write).toHaveBeenCalledTimes(1);
    const busy = screen.getByRole('button', { name: t('confirm.writing') });
    expect(busy).toHaveProperty('disabled', true);

    await act(async () => {
      pending.resolve();
      await pending.promise;
    });
    expect(screen.getByRole('button', { name: t('confirm.button') })).toHaveProperty('disabled', false);
  });

  it('drops a second click that lands before the parent re-renders', async () => {
    const user = userEvent.setup();
    const pending = deferred();
    const onConfirm = vi.fn(() => pending.promise);
    // The parent never flips `writing`: only the button's own guard stands between two writes.
    renderUi(<ConfirmButton writing={false} onConfirm={onConfirm} />);
    const button = screen.getByRole('button', { name: t('confirm.button') });
    await user.click(button);
    await user.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(1);

    await act(async () => {
      pending.resolve();
      await pending.promise;
    });
    await user.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });
});
