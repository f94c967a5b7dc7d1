/**
 * The settings page's form sections. Adding a setting to the page: put it in the settings schema
 * (`src/domain/settings/app-settings.ts`), then write one section file here — a `SectionForm` (its
 * slice of the settings as form fields, and back) and a component using `useSectionForm` (see
 * `labels-section.tsx`) — and add one line to `FORM_SECTIONS` in `admin-settings-app.tsx`.
 */
import { useState } from 'react';
import type { AppSettings } from '../../src/contract/admin-settings-api';

/** How a section's edits reach the settings being saved: the settings with the section's fields replaced. */
export type SectionEdit = (settings: AppSettings) => AppSettings;

/** What the page gives each section of the settings form. */
export interface SectionProps {
  /** The settings as last saved; the section's form starts from them. */
  settings: AppSettings;
  /** The failed save's field-level errors, keyed by settings path (each section shows its own). */
  fieldErrors: Record<string, string> | undefined;
  /** Called on each edit with how to apply the section's form; the page applies it when the admin saves. */
  onEdit: (edit: SectionEdit) => void;
}

/** One section's slice of the settings as its form edits them (lists as text, numbers as text). */
export interface SectionForm<Form> {
  toForm: (settings: AppSettings) => Form;
  /** Back to the settings shape; the server validates every field and answers field-level errors. */
  apply: (form: Form, settings: AppSettings) => AppSettings;
  /** Where the server's field-level errors (keyed by settings path) are shown on the form. */
  errorKeys: Record<keyof Form, string>;
}

/** A section's form state: what it shows, how an edit is made, and the server's error for a field. */
export function useSectionForm<Form extends object>(props: SectionProps, section: SectionForm<Form>) {
  const [form, setForm] = useState(() => section.toForm(props.settings));
  const update = (patch: Partial<Form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    props.onEdit((settings) => section.apply(next, settings));
  };
  const errorFor = (name: keyof Form): string | undefined => props.fieldErrors?.[section.errorKeys[name]];
  /** A text field's value, error and edit, for `TextSetting`. */
  const textInput = (name: TextKey<Form>) => ({
    value: form[name] as string,
    error: errorFor(name),
    onChange: (value: string) => update({ [name]: value } as Partial<Form>),
  });
  return { form, update, errorFor, textInput };
}

/** The names of a form's text fields. */
export type TextKey<Form> = { [Name in keyof Form]: Form[Name] extends string ? Name : never }[keyof Form];

/** What a section says about one of its text fields; the form supplies value, error and edits. */
export interface TextFieldSpec<Form> {
  name: TextKey<Form> & string;
  label: string;
  help: string;
  multiline?: boolean;
}

/** Words separated by commas, spaces or lines. */
export const listFromText = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
