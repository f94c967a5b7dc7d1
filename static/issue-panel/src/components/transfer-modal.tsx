import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { useState } from 'react';
import type { ImportReport, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { useImportPreview } from '../hooks/use-import-preview';
import { PanelError } from './panel-error';
import { TextAreaInput } from './text-area-input';

/** The import report: where each part went, what went to Other notes and why, what was guessed. */
function ImportReportView({ report }: { report: ImportReport }) {
  const lists: Array<{ title: string; testId: string; items: string[] }> = [
    {
      title: 'Mapped to sections',
      testId: 'import-report-mapped',
      items: report.mapped.map(({ source, target }) => `${source} → ${target}`),
    },
    {
      title: 'Goes to Other notes',
      testId: 'import-report-other-notes',
      items: report.otherNotes.map(({ source, reason }) => `${source}: ${reason}`),
    },
    { title: 'Guessed — check these', testId: 'import-report-guessed', items: report.guessed },
    { title: 'Warnings', testId: 'import-report-warnings', items: report.warnings },
  ];
  if (report.mapped.length === 0)
    return <EmptyState header="Nothing recognised" headingLevel={4} width="narrow" />;
  return (
    <>
      {lists.map(({ title, testId, items }) =>
        items.length === 0 ? null : (
          <Stack key={testId} space="space.050" testId={testId}>
            <Text weight="bold">{title}</Text>
            <ul>
              {items.map((item, index) => (
                <li key={`${index}-${item}`}>{item}</li>
              ))}
            </ul>
          </Stack>
        ),
      )}
    </>
  );
}

export type TransferMode =
  { kind: 'import' } | { kind: 'copy-fallback'; markdown: string } | { kind: 'confirm-write' };

/**
 * Import preview, the copy fallback and the write-to-description confirmation. Loaded lazily:
 * most visits never open it, so it stays out of the initial bundle.
 */
export function TransferModal({
  issueKey,
  mode,
  onClose,
  onApply,
  onConfirmWrite,
}: {
  issueKey: string;
  mode: TransferMode;
  onClose: () => void;
  onApply: (document: PostmortemDocument) => void;
  onConfirmWrite: () => void;
}) {
  const [markdown, setMarkdown] = useState('');
  const importer = useImportPreview(issueKey);
  const preview = importer.state.kind === 'ready' ? importer.state.preview : null;

  if (mode.kind === 'copy-fallback')
    return (
      <Modal onClose={onClose} testId="copy-markdown-modal">
        <ModalHeader>
          <ModalTitle>Copy the Markdown</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.100">
            <Text as="p">The browser blocked the clipboard. Select the text below and copy it.</Text>
            <TextAreaInput
              id="export-markdown"
              label="Markdown"
              value={mode.markdown}
              readOnly
              minimumRows={12}
              onChange={() => undefined}
            />
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button onClick={onClose}>Close</Button>
        </ModalFooter>
      </Modal>
    );

  if (mode.kind === 'confirm-write')
    return (
      <Modal onClose={onClose} testId="write-description-modal">
        <ModalHeader>
          <ModalTitle>Write to the issue description?</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Text as="p">
            The issue description is replaced by this postmortem. Jira keeps the old description in the issue
            history.
          </Text>
        </ModalBody>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button appearance="warning" onClick={onConfirmWrite}>
            Replace description
          </Button>
        </ModalFooter>
      </Modal>
    );

  return (
    <Modal onClose={onClose} width="large" testId="import-modal">
      <ModalHeader>
        <ModalTitle>Import a postmortem</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.150">
          <TextAreaInput
            id="import-markdown"
            label="Markdown to import"
            value={markdown}
            readOnly={false}
            minimumRows={8}
            onChange={setMarkdown}
          />
          <Inline space="space.100" shouldWrap>
            <Button isDisabled={markdown.trim() === ''} onClick={() => void importer.fromMarkdown(markdown)}>
              Preview import
            </Button>
            <Button onClick={() => void importer.fromDescription()}>Use the issue description</Button>
          </Inline>
          {importer.state.kind === 'loading' ? <Spinner label="Reading the postmortem" /> : null}
          {importer.state.kind === 'error' ? <PanelError error={importer.state.error} /> : null}
          {preview ? (
            <Stack space="space.100" testId="import-preview">
              <ImportReportView report={preview.report} />
              <Text size="small" color="color.text.subtle">
                Applying replaces the current content of the form; it is then saved like any edit.
              </Text>
            </Stack>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          appearance="primary"
          isDisabled={!preview}
          onClick={() => preview && onApply(preview.document)}
        >
          Apply
        </Button>
      </ModalFooter>
    </Modal>
  );
}
