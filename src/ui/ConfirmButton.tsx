import { Button } from './Button';
import { useEffect, useRef } from 'react';
import { t } from './i18n';

/** Props of {@link ConfirmButton}. */
export interface ConfirmButtonProps {
  /** Carries out the escalation; the button stays busy until it settles. */
  onConfirm: () => Promise<void>;
  writing: boolean;
  disabled?: boolean;
}

/**
 * The one button that writes. It is disabled while writing, and a second click that lands before React
 * re-renders (a double click) is dropped, so a confirm writes once.
 */
export function ConfirmButton({ onConfirm, writing, disabled = false }: ConfirmButtonProps) {
  const busy = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const click = () => {
    if (busy.current || writing || disabled) return;
    busy.current = true;
    void onConfirm().finally(() => {
      if (mounted.current) busy.current = false;
    });
  };

  return (
    <Button isPrimary isStretched disabled={writing || disabled} aria-busy={writing} onClick={click}>
      {writing ? t('confirm.writing') : t('confirm.button')}
    </Button>
  );
}
