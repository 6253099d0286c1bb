/** For tests: a button inside `root` by its accessible name (its aria-label, else its text). */
export function findButton(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const nameOf = (b: HTMLButtonElement) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b)),
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}
