import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ComponentProps, ReactNode } from 'react';

export interface MessageAction {
  label: string;
  onClick: () => void;
}

/** A message in the panel: its paragraphs, and what the user can do about it as actions below them. */
export function PanelMessage(props: {
  appearance: ComponentProps<typeof SectionMessage>['appearance'];
  title: string;
  testId: string;
  actions: readonly MessageAction[];
  children: ReactNode;
}) {
  return (
    <SectionMessage
      appearance={props.appearance}
      title={props.title}
      testId={props.testId}
      actions={props.actions.map((action) => (
        <SectionMessageAction key={action.label} onClick={action.onClick}>
          {action.label}
        </SectionMessageAction>
      ))}
    >
      {props.children}
    </SectionMessage>
  );
}
