import { useEffect, type RefObject } from 'react';

/** After the server refuses a form, keyboard and screen-reader users land on the first field it named. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, refusal: unknown): void {
  useEffect(() => {
    if (!refusal) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, refusal]);
}
