import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { i18n } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';

export interface DropZoneProps {
  /** Reading or storing: no new files until it is done. */
  busy: boolean;
  /** Why the files chosen last cannot be imported ('' when they can). */
  error: string;
  onFiles(files: File[]): void;
  /** The "Choose files…" button, where focus goes back to. */
  chooseRef: { current: HTMLButtonElement | null };
}

/** Where files are chosen or dropped: a pack (.json) or story files (.md). */
export function DropZone({ busy, error, onFiles, chooseRef }: DropZoneProps) {
  const dropHintId = useUniqueId();
  const errorId = useUniqueId();
  const dropping = useSignal(false);
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a pointer shortcut; the button inside is the way for everyone else (WCAG 2.1.1) */}
      <div
        class="fh-collections__drop"
        data-dropping={String(dropping.value)}
        onDragEnter={(event) => {
          if (!event.dataTransfer?.types.includes('Files')) return;
          event.preventDefault();
          dropping.value = true;
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer?.types.includes('Files')) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          dropping.value = true;
        }}
        onDragLeave={(event) => {
          const to = event.relatedTarget;
          if (!(to instanceof Node && event.currentTarget.contains(to))) dropping.value = false;
        }}
        onDrop={(event) => {
          event.preventDefault();
          dropping.value = false;
          onFiles([...(event.dataTransfer?.files ?? [])]);
        }}
      >
        <p id={dropHintId}>{i18n.t('collections.drop_hint')}</p>
        <button
          type="button"
          class="fh-button fh-button--strong"
          ref={(el) => {
            chooseRef.current = el;
          }}
          disabled={busy}
          aria-describedby={`${dropHintId}${error ? ` ${errorId}` : ''}`}
          onClick={() => inputRef.current?.click()}
        >
          {i18n.t('collections.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".json,.md"
          multiple
          hidden
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // Cleared, so choosing the same file again (after fixing it) reads it again.
            event.currentTarget.value = '';
            onFiles(files);
          }}
        />
      </div>
      {error && (
        <p id={errorId} class="fh-options__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
