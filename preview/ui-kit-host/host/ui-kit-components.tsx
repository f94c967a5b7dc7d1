/**
 * UI Kit components drawn with the Atlassian design-system components they stand for. The props each
 * one accepts are `@atlaskit/forge-react-types` (the contract `@forge/react` is typed by), and most of
 * them are a `Pick` of the design-system component's own props, so they pass straight through.
 * https://developer.atlassian.com/platform/forge/ui-kit/components/
 */
import Button from '@atlaskit/button/new';
import Badge from '@atlaskit/badge';
import Checkbox from '@atlaskit/checkbox';
import { DatePicker } from '@atlaskit/datetime-picker';
import { ErrorMessage, FormFooter, FormHeader, FormSection, HelperMessage, Label } from '@atlaskit/form';
import type {
  ButtonProps,
  DatePickerProps,
  FormProps,
  HeadingProps,
  LabelProps,
  LinkProps,
  SpinnerProps,
  TextfieldProps,
} from '@atlaskit/forge-react-types';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { UiKitUserPicker } from './user-picker';
import { type ComponentType, type ReactNode, type SyntheticEvent } from 'react';

/** The event copy UI Kit hands a handler (`SerialisableEvent` in the types, not exported by name). */
type SerialisableEvent = Parameters<NonNullable<TextfieldProps['onChange']>>[0];
type Handler = ((event: SerialisableEvent) => void) | undefined;
type UiKitComponent = ComponentType<Record<string, unknown> & { children?: ReactNode }>;

// The tree's props are whatever the app passed, typed only by `@forge/react`'s contract.
const drawn = (component: unknown) => component as UiKitComponent;

/**
 * What a UI Kit handler receives: Forge sends the app a plain copy of the event across the iframe
 * boundary (`SerialisableEvent`), never the DOM event, so an app cannot call `preventDefault` or read
 * the element. The host sends the same copy.
 */
function serialise(event: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>): SerialisableEvent {
  const target = event.currentTarget;
  return {
    bubbles: event.bubbles,
    cancelable: event.cancelable,
    defaultPrevented: event.defaultPrevented,
    eventPhase: event.eventPhase,
    isTrusted: event.isTrusted,
    target: {
      value: target.value,
      ...('checked' in target ? { checked: target.checked } : {}),
      name: target.name,
      id: target.id,
      tagName: target.tagName,
      type: target.type,
    },
    timeStamp: event.timeStamp,
    type: event.type,
  };
}

const forward = (handler: Handler) => (event: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) =>
  handler?.(serialise(event));

/** A design-system input whose handlers are given UI Kit's event copy rather than the DOM event. */
function withEventCopies(input: unknown): UiKitComponent {
  const Input = drawn(input);
  return function UiKitInput({ onChange, onBlur, onFocus, ...rest }: Record<string, unknown>) {
    return (
      <Input
        {...rest}
        onChange={forward(onChange as Handler)}
        onBlur={forward(onBlur as Handler)}
        onFocus={forward(onFocus as Handler)}
      />
    );
  };
}

/** UI Kit's DatePicker hands the app the chosen date (YYYY-MM-DD), as Atlassian's does. */
function UiKitDatePicker({ onBlur, onFocus, ...rest }: DatePickerProps) {
  return <DatePicker {...rest} onBlur={forward(onBlur)} onFocus={forward(onFocus)} />;
}

/** UI Kit's Form is a plain form: submitting it calls the app's onSubmit, never reloading the page. */
function UiKitForm({ onSubmit, children }: FormProps) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

// Icons (UI Kit names them; the design-system button takes icon components) are not drawn yet: the app uses none.
function UiKitButton({ children, spacing, iconBefore: _before, iconAfter: _after, ...rest }: ButtonProps) {
  // UI Kit still accepts the legacy button's spacing "none"; the current button's tightest is "compact".
  return (
    <Button {...rest} spacing={spacing === 'none' ? 'compact' : spacing}>
      {children}
    </Button>
  );
}

function UiKitSpinner(props: SpinnerProps) {
  return <Spinner {...props} />;
}

function UiKitHeading({ size = 'medium', ...rest }: HeadingProps) {
  return <Heading size={size} {...rest} />;
}

/** UI Kit names the labelled field `labelFor` (prefixed like the field's `id` by `@forge/react`). */
function UiKitLabel({ labelFor, ...rest }: LabelProps) {
  return <Label htmlFor={labelFor} {...rest} />;
}

/**
 * UI Kit's Link: a site path or URL in the link colour of the theme, in a new tab when asked. Jira opens the rest in its own window,
 * not in the module's frame, so the host targets the top window.
 */
const linkStyles = xcss({ color: 'color.link', ':hover': { color: 'color.link.pressed' } });

function UiKitLink({ href, openNewTab, children }: LinkProps) {
  return (
    <Anchor href={href} target={openNewTab ? '_blank' : '_top'} xcss={linkStyles}>
      {children as ReactNode}
    </Anchor>
  );
}

/**
 * Every UI Kit component the host can draw, by the name `@forge/react` gives its element
 * (node_modules/@forge/react/out/components/ui-kit-components.js).
 */
export const UI_KIT_COMPONENTS: Record<string, UiKitComponent> = {
  Badge: drawn(Badge),
  Box: drawn(Box),
  Button: drawn(UiKitButton),
  Checkbox: withEventCopies(Checkbox),
  DatePicker: drawn(UiKitDatePicker),
  ErrorMessage: drawn(ErrorMessage),
  Form: drawn(UiKitForm),
  FormFooter: drawn(FormFooter),
  FormHeader: drawn(FormHeader),
  FormSection: drawn(FormSection),
  Heading: drawn(UiKitHeading),
  HelperMessage: drawn(HelperMessage),
  Inline: drawn(Inline),
  Label: drawn(UiKitLabel),
  Link: drawn(UiKitLink),
  Lozenge: drawn(Lozenge),
  RadioGroup: withEventCopies(RadioGroup),
  SectionMessage: drawn(SectionMessage),
  Select: drawn(Select),
  Spinner: drawn(UiKitSpinner),
  Stack: drawn(Stack),
  Text: drawn(Text),
  TextArea: withEventCopies(TextArea),
  Textfield: withEventCopies(Textfield),
  UserPicker: drawn(UiKitUserPicker),
};
